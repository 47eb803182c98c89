import { CalculatorOutlined, DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons'
import {
  RULE_SET_LABELS,
  SELF_CHECK_LAYOUTS,
  SELF_CHECK_NAME_MAX,
  type RuleSetId,
  type SavedSelfCheck,
  type SelfCheckUpload,
  type VerdictResponse,
} from '@kechuang/core/qualification'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Segmented,
  Space,
  Typography,
  Upload,
} from 'antd'
import dayjs from 'dayjs'
import { useRef, useState } from 'react'
import { PageContainer } from '../../components/page-container/page-container'
import { t } from '../../i18n/t'
import { ApiError } from '../../lib/api-client'
import { useHandleError } from '../../lib/handle-error'
import {
  evaluateSelfCheck,
  saveSelfCheck,
  selfCheckKeys,
  selfCheckTemplateUrl,
  uploadSelfCheckWorkbook,
} from './self-check.api'
import { SelfCheckFields } from './self-check-fields'
import {
  initialFormValues,
  toFormValues,
  toNamePath,
  toRuleInput,
  type SelfCheckFormValues,
} from './self-check-input'
import { SelfCheckSavedList } from './self-check-saved-list'
import { VerdictView } from './verdict-view'

const RULE_SETS: RuleSetId[] = ['tsme-2022', 'hnte-2016']

type Outcome =
  | { kind: 'verdict'; verdict: VerdictResponse; isStale: boolean }
  | { kind: 'invalid'; message: string; unplaced: string[] }
  | null

/**
 * 资格自测: an enterprise types or uploads its figures and reads the verdict of either rule set, condition by
 * condition with the gaps. Evaluating stores nothing; only 保存本次自测 keeps the figures and the conclusion.
 */
export function SelfCheckPage() {
  const { message } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const [ruleSet, setRuleSet] = useState<RuleSetId>('tsme-2022')
  const layout = SELF_CHECK_LAYOUTS[ruleSet]
  // Untyped: the problems name nested paths (fiscalYears.1.rdExpenseWanYuan) the values type cannot spell.
  const [form] = Form.useForm()
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [warnings, setWarnings] = useState<SelfCheckUpload['warnings']>([])
  const [isSaveOpen, setSaveOpen] = useState(false)
  // The result sits below the form on most screens: bring it (or the first wrong field) into view.
  const outcomeRef = useRef<HTMLDivElement>(null)
  const showOutcome = () =>
    requestAnimationFrame(() => outcomeRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }))

  const startOver = (next: RuleSetId, values?: SelfCheckFormValues) => {
    setRuleSet(next)
    setOutcome(null)
    form.resetFields()
    form.setFieldsValue(values ?? initialFormValues(SELF_CHECK_LAYOUTS[next], dayjs()))
  }

  const currentInput = () => toRuleInput(layout, form.getFieldsValue(true) as SelfCheckFormValues)

  /** Problems by path go on their fields; the ones without a field stay listed above the form. */
  const showProblems = (error: unknown) => {
    if (!(error instanceof ApiError) || error.code !== 'QUALIFICATION_INPUT_INVALID') {
      handleError(error)
      return
    }
    const problems = Array.isArray(error.details)
      ? (error.details as { path: string; message: string }[])
      : []
    const known = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)))
    const placed = problems.filter((p) => known.has(JSON.stringify(toNamePath(p.path))))
    form.setFields(placed.map((p) => ({ name: toNamePath(p.path), errors: [p.message] })))
    const unplaced = problems.filter((p) => !placed.includes(p)).map((p) => p.message)
    setOutcome({ kind: 'invalid', message: t('qualification.selfCheck.inputInvalid'), unplaced })
    const [first] = placed
    if (first && unplaced.length === 0) form.scrollToField(toNamePath(first.path))
    else showOutcome()
  }

  const evaluate = useMutation({
    mutationFn: () => evaluateSelfCheck(ruleSet, currentInput()),
    onMutate: () => form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] }))),
    onSuccess: (verdict) => {
      setOutcome({ kind: 'verdict', verdict, isStale: false })
      showOutcome()
    },
    onError: showProblems,
  })

  const upload = useMutation({
    mutationFn: (file: File) => uploadSelfCheckWorkbook(file, file.name),
    onSuccess: (result) => {
      startOver(result.ruleSet, toFormValues(SELF_CHECK_LAYOUTS[result.ruleSet], result.input))
      setWarnings(result.warnings)
      void message.success(t('qualification.selfCheck.uploaded'))
    },
    onError: handleError,
  })

  const openSaved = (check: SavedSelfCheck) => {
    startOver(check.ruleSet, toFormValues(SELF_CHECK_LAYOUTS[check.ruleSet], check.input))
    setWarnings([])
    void message.info(t('qualification.selfCheck.opened', { name: check.name }))
  }

  return (
    <PageContainer
      title={t('qualification.selfCheck.title')}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={selfCheckTemplateUrl(ruleSet)}>
            {t('qualification.selfCheck.downloadTemplate')}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              upload.mutate(file)
              // The mutation sends it; Upload itself must not.
              return false
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('qualification.selfCheck.upload')}
            </Button>
          </Upload>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('qualification.selfCheck.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{t('qualification.selfCheck.ruleSet')}</Typography.Text>
          <Segmented<RuleSetId>
            value={ruleSet}
            options={RULE_SETS.map((id) => ({ value: id, label: RULE_SET_LABELS[id] }))}
            onChange={(next) => {
              setWarnings([])
              startOver(next)
            }}
          />
        </Flex>
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            closable
            onClose={() => setWarnings([])}
            title={t('qualification.selfCheck.uploadWarnings')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {warnings.map((w) => (
                  <li key={w.cell}>
                    {w.cell}：{w.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={13}>
            <Form
              form={form}
              layout="vertical"
              initialValues={initialFormValues(layout, dayjs())}
              onValuesChange={() =>
                setOutcome((current) =>
                  current?.kind === 'verdict' ? { ...current, isStale: true } : current,
                )
              }
              onFinish={() => evaluate.mutate()}
            >
              <Flex vertical gap={16}>
                <SelfCheckFields key={ruleSet} layout={layout} />
                <Space wrap>
                  <Button
                    type="primary"
                    htmlType="submit"
                    icon={<CalculatorOutlined />}
                    loading={evaluate.isPending}
                  >
                    {t('qualification.selfCheck.evaluate')}
                  </Button>
                  <Button icon={<SaveOutlined />} onClick={() => setSaveOpen(true)}>
                    {t('qualification.selfCheck.save')}
                  </Button>
                  <Button
                    onClick={() =>
                      Modal.confirm({
                        title: t('qualification.selfCheck.resetConfirm'),
                        onOk: () => startOver(ruleSet),
                      })
                    }
                  >
                    {t('qualification.selfCheck.reset')}
                  </Button>
                </Space>
              </Flex>
            </Form>
          </Col>
          <Col xs={24} xxl={11}>
            <Flex vertical gap={16} ref={outcomeRef} style={{ scrollMarginTop: 72 }}>
              <OutcomeView outcome={outcome} />
              <SelfCheckSavedList onOpen={openSaved} />
            </Flex>
          </Col>
        </Row>
      </Flex>
      <SaveSelfCheckModal
        open={isSaveOpen}
        onClose={() => setSaveOpen(false)}
        onSave={async (name) => {
          try {
            await saveSelfCheck(ruleSet, name, currentInput())
          } catch (error) {
            setSaveOpen(false)
            showProblems(error)
            return
          }
          setSaveOpen(false)
          void message.success(t('qualification.selfCheck.saved'))
          await queryClient.invalidateQueries({ queryKey: selfCheckKeys.saved })
        }}
      />
    </PageContainer>
  )
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  if (outcome === null) {
    return <Alert type="info" title={t('qualification.selfCheck.noVerdict')} />
  }
  if (outcome.kind === 'invalid') {
    return (
      <Alert
        type="error"
        showIcon
        title={outcome.message}
        description={
          outcome.unplaced.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {outcome.unplaced.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )
        }
      />
    )
  }
  return (
    <Flex vertical gap={8}>
      {outcome.isStale && <Alert type="warning" showIcon title={t('qualification.selfCheck.stale')} />}
      <VerdictView verdict={outcome.verdict} />
    </Flex>
  )
}

/** Asks for a name; only then is anything stored. */
function SaveSelfCheckModal({
  open,
  onClose,
  onSave,
}: {
  open: boolean
  onClose: () => void
  onSave: (name: string) => Promise<void>
}) {
  const [form] = Form.useForm<{ name: string }>()
  const [isSaving, setSaving] = useState(false)
  return (
    <Modal
      open={open}
      title={t('qualification.selfCheck.saveTitle')}
      okText={t('qualification.selfCheck.save')}
      confirmLoading={isSaving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('qualification.selfCheck.saveHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={async ({ name }) => {
          setSaving(true)
          try {
            await onSave(name)
          } finally {
            setSaving(false)
          }
        }}
      >
        <Form.Item
          name="name"
          label={t('qualification.selfCheck.name')}
          rules={[{ required: true, whitespace: true, message: t('qualification.selfCheck.nameRequired') }]}
        >
          <Input maxLength={SELF_CHECK_NAME_MAX} placeholder={t('qualification.selfCheck.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
