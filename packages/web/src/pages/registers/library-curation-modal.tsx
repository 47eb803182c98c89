import {
  CURATION_REASON_MAX,
  LIBRARY_LABELS,
  LIBRARY_MEMBER_KINDS,
  LibraryCurationInput,
  type Library,
} from '@kechuang/core/registers'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { t } from '../../i18n/t'
import { describeError } from '../../lib/api-client'
import { curateLibrary, libraryKeys, libraryMembersQueryOptions } from './library-members.api'

/** What the dialog curates: an addition (the member is picked here) or the removal of a listed member. */
export type CurationTarget = { action: 'add' } | { action: 'remove'; memberId: string; name: string }

interface CurationFormValues {
  memberId?: string
  reason?: string
}

/** 人工加入 / 移出 with a reason; the input is checked with the core schema before it is sent. */
export function LibraryCurationModal({
  library,
  target,
  onClose,
}: {
  library: Library
  target: CurationTarget
  onClose: () => void
}) {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<CurationFormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const [search, setSearch] = useState('')
  // Candidates: in scope and left out by the rule, searched on the server.
  const candidates = useQuery({
    ...libraryMembersQueryOptions(library, { view: 'candidates', q: search || undefined, pageSize: 20 }),
    enabled: target.action === 'add',
  })

  const mutation = useMutation({
    mutationFn: (input: LibraryCurationInput) => curateLibrary(library, input),
    onSuccess: async () => {
      void message.success(t(target.action === 'add' ? 'libraries.added' : 'libraries.removed'))
      onClose()
      await queryClient.invalidateQueries({ queryKey: libraryKeys.all })
    },
    onError: (error) => setFormError(describeError(error)),
  })

  function handleFinish(values: CurationFormValues) {
    setFormError(null)
    const result = LibraryCurationInput.safeParse({
      memberKind: LIBRARY_MEMBER_KINDS[library],
      memberId: target.action === 'remove' ? target.memberId : values.memberId,
      action: target.action,
      reason: values.reason ?? '',
    })
    if (result.success) {
      mutation.mutate(result.data)
      return
    }
    for (const issue of result.error.issues) {
      const field = issue.path[0] === 'memberId' ? 'memberId' : issue.path[0] === 'reason' ? 'reason' : null
      if (field)
        form.setFields([
          { name: field, errors: [field === 'memberId' ? t('libraries.memberRequired') : issue.message] },
        ])
      else setFormError(issue.message)
    }
  }

  return (
    <Modal
      open
      title={
        target.action === 'add'
          ? t('libraries.addTitle', { library: LIBRARY_LABELS[library] })
          : t('libraries.removeTitle', { library: LIBRARY_LABELS[library], name: target.name })
      }
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        {target.action === 'add' && (
          <Form.Item name="memberId" label={t('libraries.member')} required>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              placeholder={t('libraries.memberPlaceholder')}
              loading={candidates.isFetching}
              options={(candidates.data?.items ?? []).map((m) => ({
                value: m.memberId,
                label: [m.name, m.regionName].filter(Boolean).join(' · '),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('libraries.curationReason')} required>
          <Input.TextArea
            rows={3}
            maxLength={CURATION_REASON_MAX}
            showCount
            placeholder={t('libraries.curationReasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
