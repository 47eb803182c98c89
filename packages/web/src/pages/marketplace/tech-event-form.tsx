import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  EVENT_KINDS,
  EVENT_KIND_LABELS,
  EVENT_PARTICIPANTS_MAX,
  PARTICIPANT_KINDS,
  PARTICIPANT_KIND_LABELS,
  TechEventInput,
  type TechEvent,
  type TechEventDetail,
} from '@kechuang/core/marketplace'
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import { techEventFormValuesOf, techEventInputOf, type TechEventFormValues } from './deal-form-values'
import { saveTechEvent } from './deals.api'
import { MarketplaceFormDrawer } from './marketplace-form-drawer'
import { useMarketplaceFormSave } from './marketplace-form-save'

// Server refusals that belong to one field of this form (the server's deals.errors.ts).
const EVENT_FIELD_BY_CODE = {
  PARTICIPANT_NOT_FOUND: 'participants',
  PARTICIPANT_REF_NOT_ALLOWED: 'participants',
}

/** 新增活动 / 编辑: the event and its participants as an editable list; checked with the core TechEventInput. */
export function TechEventForm({
  event,
  onClose,
  onSaved,
}: {
  event?: TechEvent
  onClose: () => void
  onSaved: (saved: TechEventDetail) => void
}) {
  const [form] = Form.useForm<TechEventFormValues>()
  const { submit, formError, isSaving } = useMarketplaceFormSave({
    form,
    schema: TechEventInput,
    save: (input: TechEventInput) => saveTechEvent(input, event?.id),
    nameOf: (saved) => saved.title,
    isEditing: Boolean(event),
    createdKey: 'marketplaceDeals.events.created',
    fieldByCode: EVENT_FIELD_BY_CODE,
    onSaved,
  })

  return (
    <MarketplaceFormDrawer<TechEventFormValues>
      title={t(event ? 'marketplaceDeals.events.editTitle' : 'marketplaceDeals.events.createTitle')}
      form={form}
      initialValues={event ? techEventFormValuesOf(event) : { participants: [] }}
      formError={formError}
      isSaving={isSaving}
      // The participants from the store, not the submitted values: those hold only the fields shown, not `refId`.
      onFinish={(values) =>
        submit(
          techEventInputOf({
            ...values,
            participants: form.getFieldValue('participants') as TechEventFormValues['participants'],
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item name="title" label={t('marketplaceDeals.events.name')} required>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="kind" label={t('marketplaceDeals.events.kind')} required>
        <Select options={EVENT_KINDS.map((kind) => ({ value: kind, label: EVENT_KIND_LABELS[kind] }))} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('marketplaceDeals.events.heldOn')} required>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="location" label={t('marketplaceDeals.events.location')}>
        <Input />
      </Form.Item>
      <Form.Item name="organizer" label={t('marketplaceDeals.events.organizer')}>
        <Input />
      </Form.Item>
      <Form.Item name="regionOrgUnitId" label={t('marketplaceDeals.events.region')}>
        <OrgUnitTreeSelect allowClear />
      </Form.Item>
      <Form.Item name="description" label={t('marketplaceDeals.events.description')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item label={t('marketplaceDeals.events.participants')} required={false}>
        <Form.List name="participants">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'kind']} noStyle>
                    <Select
                      style={{ width: 120, flex: 'none' }}
                      aria-label={`${t('marketplaceDeals.events.participantKind')} ${index + 1}`}
                      options={PARTICIPANT_KINDS.map((kind) => ({
                        value: kind,
                        label: PARTICIPANT_KIND_LABELS[kind],
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} noStyle>
                    <Input aria-label={`${t('marketplaceDeals.events.participantName')} ${index + 1}`} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`${t('marketplaceDeals.events.removeParticipant')} ${index + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= EVENT_PARTICIPANTS_MAX}
                onClick={() => add({ kind: 'enterprise', name: '', refId: null })}
              >
                {t('marketplaceDeals.events.addParticipant')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </MarketplaceFormDrawer>
  )
}
