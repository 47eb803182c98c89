import {
  TASK_PROGRESS_TEXT_MAX,
  TaskProgressInput,
  type TaskProgressReport,
  type TaskView,
} from '@kechuang/core/indicators'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Form, Input, List, Modal, Select, Slider, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { AttachmentLinks } from '../../components/attachments/attachment-links'
import { AttachmentUpload } from '../../components/attachments/attachment-upload'
import { t } from '../../i18n/t'
import { clearErrorsOnChange, showServerErrors, validateForm } from '../../lib/form-validation'
import { reportTaskProgress, taskProgressQueryOptions } from './indicators.api'

interface TaskProgressFormValues {
  orgUnitId?: string
  year?: number
  text?: string
  percentDone?: number
  attachmentIds?: string[]
}

// Server codes that belong to one field of this form.
const FIELD_BY_CODE = {
  NOT_RESPONSIBLE_UNIT: 'orgUnitId',
  ORG_UNIT_NOT_FOUND: 'orgUnitId',
  PERIOD_LOCKED: 'year',
  YEAR_OUTSIDE_PLAN: 'year',
  ATTACHMENT_NOT_LINKABLE: 'attachmentIds',
}

/** 报告进展: a responsible unit's progress on one task (text, % done, year), checked with TaskProgressInput. */
export function TaskProgressForm({
  task,
  orgUnitId,
  onClose,
  onSaved,
}: {
  task: TaskView
  /** The unit to report for first (the 责任清单 filter's). */
  orgUnitId?: string
  onClose: () => void
  onSaved: (report: TaskProgressReport) => void
}) {
  const [form] = Form.useForm<TaskProgressFormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const [isUploading, setIsUploading] = useState(false)
  const years = [...new Set(task.milestones.map((m) => m.year))].sort((a, b) => a - b)
  const thisYear = new Date().getFullYear()
  const unit = task.progress.find((p) => p.orgUnitId === orgUnitId) ?? task.progress[0]
  const { data: history } = useQuery(taskProgressQueryOptions(task.id))

  const saveMutation = useMutation({
    mutationFn: (input: TaskProgressInput) => reportTaskProgress(task.id, input),
    onSuccess: onSaved,
    onError: (error) => setFormError(showServerErrors(form, error, FIELD_BY_CODE)),
  })

  function handleFinish(values: TaskProgressFormValues) {
    setFormError(null)
    const result = validateForm(form, TaskProgressInput, {
      orgUnitId: values.orgUnitId,
      year: values.year,
      text: values.text ?? '',
      percentDone: values.percentDone ?? 0,
      attachmentIds: values.attachmentIds ?? [],
    })
    if (result.success) saveMutation.mutate(result.data)
    else setFormError(result.formError)
  }

  return (
    <Modal
      open
      title={t('tasks.reportTitle', { item: task.item })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saveMutation.isPending || isUploading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={handleFinish}
        initialValues={{
          orgUnitId: unit?.orgUnitId,
          year: years.includes(thisYear) ? thisYear : years.at(-1),
          percentDone: unit?.latest?.percentDone ?? 0,
        }}
      >
        <Form.Item
          name="orgUnitId"
          label={t('tasks.reportUnit')}
          required
          rules={[{ required: true, message: t('common.pleaseSelect', { label: t('tasks.reportUnit') }) }]}
        >
          <Select options={task.progress.map((p) => ({ value: p.orgUnitId, label: p.orgUnitName }))} />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('tasks.reportYear')}
          required
          rules={[{ required: true, message: t('common.pleaseSelect', { label: t('tasks.reportYear') }) }]}
        >
          <Select options={years.map((year) => ({ value: year, label: t('plans.yearOption', { year }) }))} />
        </Form.Item>
        <Form.Item name="text" label={t('tasks.text')} required>
          <Input.TextArea rows={4} maxLength={TASK_PROGRESS_TEXT_MAX} showCount />
        </Form.Item>
        <Form.Item name="percentDone" label={t('tasks.percentDone')} required>
          <Slider min={0} max={100} step={5} marks={{ 0: '0%', 50: '50%', 100: '100%' }} />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('attachments.title')}>
          <AttachmentUpload onBusyChange={setIsUploading} />
        </Form.Item>
      </Form>
      {history && history.length > 0 && (
        <>
          <Typography.Title level={5}>{t('tasks.history')}</Typography.Title>
          <List
            size="small"
            dataSource={history.slice(0, 5)}
            renderItem={(report) => (
              <List.Item>
                <List.Item.Meta
                  title={t('tasks.latest', {
                    year: report.year,
                    percent: report.percentDone,
                    name: `${report.orgUnitName} ${report.reportedByName}`,
                    at: dayjs(report.reportedAt).format('YYYY-MM-DD'),
                  })}
                  description={
                    <>
                      {report.text}
                      <AttachmentLinks attachments={report.attachments} />
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  )
}
