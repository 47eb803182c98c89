import { StartScreeningRequest, type Screening } from '@kechuang/core/qualification'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, DatePicker, Form, Input, Modal, Switch, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import { clearErrorsOnChange, showServerErrors, validateForm } from '../../lib/form-validation'
import { screeningKeys, screeningRunsQueryOptions, startScreening } from './screening-runs.api'

interface StartFormValues {
  evaluationDate?: Dayjs | null
  orgUnitId?: string
  industryPrefix?: string
  includeSynthetic: boolean
}

/** 发起筛查: date (today by default), region, industry prefix, synthetic data; checked with the core schema. */
export function ScreeningStartModal({
  onStarted,
  onClose,
}: {
  onStarted: (run: Screening) => void
  onClose: () => void
}) {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<StartFormValues>()
  const [formError, setFormError] = useState<string | null>(null)

  const start = useMutation({
    mutationFn: startScreening,
    onSuccess: (run) => {
      void message.success(t('qualificationScreening.started'))
      // The selector shows the new run at once (its progress while the first poll is answered), then catches up.
      queryClient.setQueryData(screeningRunsQueryOptions.queryKey, (page) =>
        page ? { ...page, items: [run, ...page.items.filter((r) => r.id !== run.id)] } : page,
      )
      void queryClient.invalidateQueries({ queryKey: screeningKeys.runs })
      onStarted(run)
    },
    onError: (error) => setFormError(showServerErrors(form, error)),
  })

  function handleFinish(values: StartFormValues) {
    setFormError(null)
    const input = validateForm(form, StartScreeningRequest, {
      evaluationDate: values.evaluationDate?.format('YYYY-MM-DD'),
      orgUnitId: values.orgUnitId,
      industryPrefix: values.industryPrefix?.trim() || undefined,
      includeSynthetic: values.includeSynthetic,
    })
    if (input.success) start.mutate(input.data)
    else setFormError(input.formError)
  }

  return (
    <Modal
      open
      title={t('qualificationScreening.startTitle')}
      okText={t('qualificationScreening.start')}
      cancelText={t('common.cancel')}
      confirmLoading={start.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('qualificationScreening.startHint')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<StartFormValues>
        form={form}
        layout="vertical"
        initialValues={{ evaluationDate: dayjs(), includeSynthetic: true }}
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={handleFinish}
      >
        <Form.Item name="evaluationDate" label={t('qualificationScreening.evaluationDate')}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('qualificationScreening.region')}>
          <OrgUnitTreeSelect allowClear placeholder={t('qualificationScreening.regionPlaceholder')} />
        </Form.Item>
        <Form.Item name="industryPrefix" label={t('qualificationScreening.industryPrefix')}>
          <Input allowClear placeholder={t('qualificationScreening.industryPrefixPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="includeSynthetic"
          label={t('qualificationScreening.includeSynthetic')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  )
}
