import {
  AcceptProposalRequest,
  DECISION_REASON_MAX,
  RejectProposalRequest,
  type Proposal,
} from '@kechuang/core/qualification'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { t } from '../../i18n/t'
import { clearErrorsOnChange, showServerErrors, validateForm } from '../../lib/form-validation'
import { libraryKeys } from '../registers/library-members.api'
import { acceptProposal, rejectProposal } from './proposal-decisions.api'
import { screeningKeys } from './screening-runs.api'

export interface ProposalDecision {
  action: 'accept' | 'reject'
  proposal: Proposal
}

/** 采纳 (reason optional) or 驳回 (reason required) one proposal; the reason is checked with the core schema. */
export function ProposalDecisionModal({
  decision: { action, proposal },
  onDecided,
  onClose,
}: {
  decision: ProposalDecision
  onDecided: (decided: Proposal) => void
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  const [form] = Form.useForm<{ reason?: string }>()
  const [formError, setFormError] = useState<string | null>(null)
  const isAccept = action === 'accept'

  const decide = useMutation({
    mutationFn: (reason: string | undefined) =>
      isAccept
        ? acceptProposal(proposal.id, reason ? { reason } : {})
        : rejectProposal(proposal.id, { reason: reason! }),
    onSuccess: async (decided) => {
      onDecided(decided)
      // The run's proposal counts change, and an accepted one joins the 高企后备库.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: screeningKeys.all }),
        isAccept ? queryClient.invalidateQueries({ queryKey: libraryKeys.all }) : null,
      ])
    },
    onError: (error) => setFormError(showServerErrors(form, error)),
  })

  function handleFinish({ reason }: { reason?: string }) {
    setFormError(null)
    const text = reason?.trim() ?? ''
    const input = isAccept
      ? validateForm(form, AcceptProposalRequest, text ? { reason: text } : {})
      : validateForm(form, RejectProposalRequest, { reason: text })
    if (input.success) decide.mutate(input.data.reason)
    else setFormError(input.formError)
  }

  return (
    <Modal
      open
      title={t(
        isAccept
          ? 'qualificationScreening.proposals.acceptTitle'
          : 'qualificationScreening.proposals.rejectTitle',
        { name: proposal.enterpriseName },
      )}
      okText={t(
        isAccept ? 'qualificationScreening.proposals.accept' : 'qualificationScreening.proposals.reject',
      )}
      okButtonProps={{ danger: !isAccept }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {isAccept && (
        <Typography.Paragraph type="secondary">
          {t('qualificationScreening.proposals.acceptHint')}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph>{proposal.reason}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)} onFinish={handleFinish}>
        <Form.Item
          name="reason"
          label={t(
            isAccept
              ? 'qualificationScreening.proposals.acceptReason'
              : 'qualificationScreening.proposals.rejectReason',
          )}
          required={!isAccept}
        >
          <Input.TextArea
            rows={3}
            maxLength={DECISION_REASON_MAX}
            showCount
            autoFocus
            placeholder={t(
              isAccept
                ? 'qualificationScreening.proposals.acceptReasonPlaceholder'
                : 'qualificationScreening.proposals.rejectReasonPlaceholder',
            )}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
