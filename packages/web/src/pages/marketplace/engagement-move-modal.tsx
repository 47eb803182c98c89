import { PAGE_SIZE_MAX } from '@kechuang/core/pagination'
import {
  CLOSE_REASONS,
  CLOSE_REASON_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  EVENT_KIND_LABELS,
  EngagementStepInput,
  type CloseReason,
  type Engagement,
  type ManualEngagementStatus,
} from '@kechuang/core/marketplace'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { t } from '../../i18n/t'
import { clearErrorsOnChange, showServerErrors, validateForm } from '../../lib/form-validation'
import { moveEngagement, techEventsQueryOptions } from './deals.api'
import { moveTargetsOf } from './engagement-moves'
import { marketplaceKeys } from './marketplace.api'

interface MoveFormValues {
  status?: ManualEngagementStatus
  closeReason?: CloseReason | null
  note?: string
  eventId?: string | null
}

/**
 * 推进对接: moves a 对接 to another stage with a note. Closing it needs a reason (and words for 其他原因); a meeting
 * may name the 对接活动 it took place at. Checked with the core EngagementStepInput before it is sent.
 */
export function EngagementMoveModal({
  engagement,
  initialStatus,
  onClose,
}: {
  engagement: Engagement
  initialStatus?: ManualEngagementStatus
  onClose: () => void
}) {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<MoveFormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const status = Form.useWatch('status', form)
  const closeReason = Form.useWatch('closeReason', form)
  const events = useQuery({
    ...techEventsQueryOptions({ pageSize: PAGE_SIZE_MAX }),
    enabled: status === 'meeting',
  })
  const move = useMutation({
    mutationFn: (input: EngagementStepInput) => moveEngagement(engagement.id, input),
    onSuccess: async (moved) => {
      void message.success(
        t('marketplaceDeals.engagements.moved', { status: ENGAGEMENT_STATUS_LABELS[moved.status] }),
      )
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all })
      onClose()
    },
    onError: (error) => setFormError(showServerErrors(form, error)),
  })

  function handleFinish(values: MoveFormValues) {
    setFormError(null)
    const result = validateForm(form, EngagementStepInput, {
      status: values.status,
      closeReason: values.status === 'closed' ? (values.closeReason ?? null) : null,
      note: values.note?.trim() ? values.note : null,
      eventId: values.status === 'meeting' ? (values.eventId ?? null) : null,
    })
    if (result.success) move.mutate(result.data)
    else setFormError(result.formError)
  }

  return (
    <Modal
      open
      title={t('marketplaceDeals.engagements.advanceTitle')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<MoveFormValues>
        form={form}
        layout="vertical"
        initialValues={{ status: initialStatus }}
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={handleFinish}
      >
        <Form.Item name="status" label={t('marketplaceDeals.engagements.advanceTo')} required>
          <Select
            options={moveTargetsOf(engagement.status).map((target) => ({
              value: target,
              label: ENGAGEMENT_STATUS_LABELS[target],
            }))}
          />
        </Form.Item>
        {status === 'meeting' && (
          <Form.Item name="eventId" label={t('marketplaceDeals.engagements.event')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={events.isFetching}
              placeholder={t('marketplaceDeals.engagements.eventPlaceholder')}
              options={(events.data?.items ?? []).map((event) => ({
                value: event.id,
                label: `${event.heldOn} ${event.title}（${EVENT_KIND_LABELS[event.kind]}）`,
              }))}
            />
          </Form.Item>
        )}
        {status === 'closed' && (
          <Form.Item name="closeReason" label={t('marketplaceDeals.engagements.closeReason')} required>
            <Select
              options={CLOSE_REASONS.map((reason) => ({ value: reason, label: CLOSE_REASON_LABELS[reason] }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('marketplaceDeals.engagements.advanceNote')}
          required={status === 'closed' && closeReason === 'other'}
          extra={status === 'closed' ? t('marketplaceDeals.engagements.otherNoteHint') : undefined}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
