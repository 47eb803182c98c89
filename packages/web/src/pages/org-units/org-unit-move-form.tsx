import { OrgUnitMoveInput, canContain, type OrgUnit } from '@kechuang/core/org-units'
import { useMutation } from '@tanstack/react-query'
import { Alert, Form, Modal, Typography } from 'antd'
import { useCallback, useState } from 'react'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import { clearErrorsOnChange, showServerErrors, validateForm } from '../../lib/form-validation'
import { moveOrgUnit } from './org-units.api'

interface MoveFormValues {
  parentId?: string
}

const FIELD_BY_CODE = {
  TYPE_NOT_ALLOWED: 'parentId',
  MOVE_INTO_OWN_SUBTREE: 'parentId',
  PARENT_NOT_FOUND: 'parentId',
  NAME_TAKEN: 'parentId',
}

/** 移动: choose a new parent outside the unit's own subtree, of a kind that may contain this unit. */
export function OrgUnitMoveForm({
  unit,
  onClose,
  onMoved,
}: {
  unit: OrgUnit
  onClose: () => void
  onMoved: (unit: OrgUnit) => void
}) {
  const [form] = Form.useForm<MoveFormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const canHold = useCallback((parent: OrgUnit) => canContain(parent.type, unit.type), [unit.type])

  const moveMutation = useMutation({
    mutationFn: (input: OrgUnitMoveInput) => moveOrgUnit(unit.id, input),
    onSuccess: onMoved,
    onError: (error) => setFormError(showServerErrors(form, error, FIELD_BY_CODE)),
  })

  function handleFinish(values: MoveFormValues) {
    setFormError(null)
    const result = validateForm(form, OrgUnitMoveInput, { parentId: values.parentId ?? '' })
    if (result.success) moveMutation.mutate(result.data)
    else setFormError(result.formError)
  }

  return (
    <Modal
      open
      title={t('orgUnits.moveTitle', { name: unit.name })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={moveMutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('orgUnits.moveHint')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        initialValues={{ parentId: unit.parentId }}
        onFinish={handleFinish}
      >
        <Form.Item name="parentId" label={t('orgUnits.newParent')} required>
          <OrgUnitTreeSelect excludeSubtreeOf={unit} isSelectable={canHold} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
