import {
  KEYWORDS_MAX,
  NEED_STATUSES,
  NEED_STATUS_LABELS,
  TechNeedInput,
  type TechNeed,
} from '@kechuang/core/marketplace'
import { DatePicker, Form, Input, InputNumber, Select } from 'antd'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import { MarketplaceFormDrawer } from './marketplace-form-drawer'
import { useMarketplaceFormSave } from './marketplace-form-save'
import {
  TAG_INPUT_PROPS,
  techNeedFormValuesOf,
  techNeedInputOf,
  type TechNeedFormValues,
} from './marketplace-form-values'
import { saveTechNeed } from './marketplace.api'

/** 发布需求 / 编辑: checked with the core TechNeedInput before it is sent. */
export function TechNeedForm({
  need,
  onClose,
  onSaved,
}: {
  need?: TechNeed
  onClose: () => void
  onSaved: (saved: TechNeed) => void
}) {
  const [form] = Form.useForm<TechNeedFormValues>()
  const { submit, formError, isSaving } = useMarketplaceFormSave({
    form,
    schema: TechNeedInput,
    save: (input: TechNeedInput) => saveTechNeed(input, need?.id),
    nameOf: (saved) => saved.title,
    isEditing: Boolean(need),
    onSaved,
  })

  return (
    <MarketplaceFormDrawer<TechNeedFormValues>
      title={need ? t('marketplace.needs.editTitle') : t('marketplace.needs.createTitle')}
      form={form}
      initialValues={need ? techNeedFormValuesOf(need) : { status: 'open', keywords: [] }}
      formError={formError}
      isSaving={isSaving}
      onFinish={(values) => submit(techNeedInputOf(values, need))}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('marketplace.needs.name')} required>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('marketplace.needs.description')} required>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
      </Form.Item>
      <Form.Item
        name="keywords"
        label={t('marketplace.keywords')}
        extra={t('marketplace.keywordsHint', { max: KEYWORDS_MAX })}
      >
        <Select {...TAG_INPUT_PROPS} />
      </Form.Item>
      <Form.Item name="industry" label={t('marketplace.industry')} required>
        <Input />
      </Form.Item>
      <Form.Item name="enterpriseName" label={t('marketplace.needs.enterprise')} required>
        <Input />
      </Form.Item>
      <Form.Item
        name="budgetWanYuan"
        label={t('marketplace.needs.budget')}
        extra={t('marketplace.needs.budgetHint')}
      >
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="deadline" label={t('marketplace.needs.deadline')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="status" label={t('marketplace.needs.status')} required>
        <Select
          options={NEED_STATUSES.map((status) => ({ value: status, label: NEED_STATUS_LABELS[status] }))}
        />
      </Form.Item>
      <Form.Item name="contactName" label={t('marketplace.contactName')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('marketplace.contactPhone')}>
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="regionOrgUnitId" label={t('marketplace.region')}>
        <OrgUnitTreeSelect allowClear />
      </Form.Item>
    </MarketplaceFormDrawer>
  )
}
