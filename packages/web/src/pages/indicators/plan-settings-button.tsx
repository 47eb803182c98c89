import { SettingOutlined } from '@ant-design/icons'
import {
  INDICATOR_NATURES,
  INDICATOR_NATURE_LABELS,
  PATH_MODELS,
  PATH_MODEL_LABELS,
  PlanSettingsInput,
  type IndicatorNature,
  type PlanDetail,
} from '@kechuang/core/indicators'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Col, Form, InputNumber, Modal, Radio, Row, Typography } from 'antd'
import { useState } from 'react'
import { t } from '../../i18n/t'
import { describeError } from '../../lib/api-client'
import { clearErrorsOnChange, type FieldProblem } from '../../lib/form-validation'
import { indicatorKeys, updatePlanSettings } from './indicators.api'
import {
  toPlanSettingsFormValues,
  toPlanSettingsInput,
  type PlanSettingsFormValues,
} from './plan-settings-form-values'

/**
 * 设置: the plan's 进度路径 and status thresholds, for roles with 'plans:configure' (the server also checks
 * that the plan's region lies in the user's scope). Saving refetches the plan and every status shown.
 */
export function PlanSettingsButton({ plan }: { plan: PlanDetail }) {
  const [isOpen, setIsOpen] = useState(false)
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setIsOpen(true)}>
        {t('planSettings.open')}
      </Button>
      {isOpen && <PlanSettingsModal plan={plan} onClose={() => setIsOpen(false)} />}
    </>
  )
}

function PlanSettingsModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  // Untyped, as issue paths from the core schema are plain arrays; handleFinish types the values.
  const [form] = Form.useForm()
  const [formError, setFormError] = useState<string | null>(null)

  // Problems go on the field their path names (statusThresholds.binding.lagging); the rest above the form.
  const showProblems = (problems: readonly FieldProblem[]) => {
    const onFields = problems.filter((p) => p.path.length > 0)
    form.setFields(onFields.map((p) => ({ name: p.path.map(String), errors: [p.message] })))
    const general = problems.filter((p) => p.path.length === 0).map((p) => p.message)
    setFormError(general.length > 0 ? general.join('；') : null)
  }

  const mutation = useMutation({
    mutationFn: (input: PlanSettingsInput) => updatePlanSettings(plan.id, input),
    onSuccess: async () => {
      void message.success(t('planSettings.saved'))
      onClose()
      await queryClient.invalidateQueries({ queryKey: indicatorKeys.all })
    },
    onError: (error) => setFormError(describeError(error)),
  })

  function handleFinish(values: PlanSettingsFormValues) {
    setFormError(null)
    const result = PlanSettingsInput.safeParse(toPlanSettingsInput(values))
    if (result.success) mutation.mutate(result.data)
    else showProblems(result.error.issues)
  }

  return (
    <Modal
      open
      title={t('planSettings.title', { plan: plan.name })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={toPlanSettingsFormValues(plan)}
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={handleFinish}
      >
        <Form.Item
          name="pathModel"
          label={t('planSettings.pathModel')}
          extra={t('planSettings.pathModelHint')}
        >
          <Radio.Group
            options={PATH_MODELS.map((model) => ({ value: model, label: PATH_MODEL_LABELS[model] }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('planSettings.progressRatioHint')}</Typography.Paragraph>
        {INDICATOR_NATURES.map((nature) => (
          <NatureThresholds key={nature} nature={nature} />
        ))}
      </Form>
    </Modal>
  )
}

/** One nature's two lines, with the bands they make spelled out as the user types. */
function NatureThresholds({ nature }: { nature: IndicatorNature }) {
  const form = Form.useFormInstance<PlanSettingsFormValues>()
  const onTrack = Form.useWatch(['statusThresholds', nature, 'onTrack'], form)
  const lagging = Form.useWatch(['statusThresholds', nature, 'lagging'], form)
  // A nested field's errors go when it changes (clearErrorsOnChange handles top-level names only).
  const clear = (line: 'onTrack' | 'lagging') => () =>
    form.setFields([{ name: ['statusThresholds', nature, line], errors: [] }])
  const percentInput = (line: 'onTrack' | 'lagging') => (
    <InputNumber min={0} max={100} step={1} suffix="%" onChange={clear(line)} />
  )
  return (
    <>
      <Typography.Text strong>
        {t('planSettings.natureTitle', { nature: INDICATOR_NATURE_LABELS[nature] })}
      </Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }}>
        <Col span={12}>
          <Form.Item name={['statusThresholds', nature, 'onTrack']} label={t('planSettings.onTrack')}>
            {percentInput('onTrack')}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['statusThresholds', nature, 'lagging']} label={t('planSettings.lagging')}>
            {percentInput('lagging')}
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {typeof onTrack === 'number' && typeof lagging === 'number'
          ? t('planSettings.explanation', { onTrack, lagging })
          : t('planSettings.explanationIncomplete')}
      </Typography.Paragraph>
    </>
  )
}
