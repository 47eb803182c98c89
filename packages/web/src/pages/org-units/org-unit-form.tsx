import {
  ORG_UNIT_TYPES,
  ORG_UNIT_TYPE_LABELS,
  OrgUnitCreateInput,
  OrgUnitUpdateInput,
  allowedChildTypes,
  type OrgUnit,
  type OrgUnitType,
} from '@kechuang/core/org-units'
import { useMutation } from '@tanstack/react-query'
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useState } from 'react'
import { t } from '../../i18n/t'
import { clearErrorsOnChange, showServerErrors, validateForm } from '../../lib/form-validation'
import { createOrgUnit, updateOrgUnit } from './org-units.api'

interface OrgUnitFormValues {
  name?: string
  type?: OrgUnitType
  typeLabel?: string
  divisionCode?: string
  aliases?: string[]
  sortOrder?: number | null
}

interface OrgUnitFormProps {
  /** The unit to edit; absent: create a unit under `parent`. */
  unit?: OrgUnit
  /** Needed to create; when editing, unknown for the top of the user's scope. */
  parent: OrgUnit | undefined
  onClose: () => void
  onSaved: (unit: OrgUnit) => void
}

type SaveRequest =
  { kind: 'create'; input: OrgUnitCreateInput } | { kind: 'update'; id: string; input: OrgUnitUpdateInput }

// Server codes that belong to one field of this form.
const FIELD_BY_CODE = { NAME_TAKEN: 'name', DIVISION_CODE_TAKEN: 'divisionCode', TYPE_NOT_ALLOWED: 'type' }

/** 新建下级机构 / 编辑: checked with the core schema before it is sent, server errors shown on the form. */
export function OrgUnitForm({ unit, parent, onClose, onSaved }: OrgUnitFormProps) {
  const [form] = Form.useForm<OrgUnitFormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const typeChoices = parent ? allowedChildTypes(parent.type) : ORG_UNIT_TYPES

  const saveMutation = useMutation({
    mutationFn: (request: SaveRequest) =>
      request.kind === 'create' ? createOrgUnit(request.input) : updateOrgUnit(request.id, request.input),
    onSuccess: onSaved,
    onError: (error) => setFormError(showServerErrors(form, error, FIELD_BY_CODE)),
  })

  function handleFinish(values: OrgUnitFormValues) {
    setFormError(null)
    const fields = {
      name: values.name ?? '',
      type: values.type,
      typeLabel: values.typeLabel ?? '',
      divisionCode: values.divisionCode?.trim() ? values.divisionCode : null,
      aliases: values.aliases ?? [],
      sortOrder: values.sortOrder ?? undefined,
    }
    if (unit) {
      const result = validateForm(form, OrgUnitUpdateInput, fields)
      if (result.success) saveMutation.mutate({ kind: 'update', id: unit.id, input: result.data })
      else setFormError(result.formError)
    } else {
      const result = validateForm(form, OrgUnitCreateInput, { ...fields, parentId: parent?.id })
      if (result.success) saveMutation.mutate({ kind: 'create', input: result.data })
      else setFormError(result.formError)
    }
  }

  const initialValues: OrgUnitFormValues = unit
    ? {
        name: unit.name,
        type: unit.type,
        typeLabel: unit.typeLabel ?? '',
        divisionCode: unit.divisionCode ?? '',
        aliases: unit.aliases,
        sortOrder: unit.sortOrder,
      }
    : { type: typeChoices[0], aliases: [] }

  return (
    <Modal
      open
      title={unit ? t('orgUnits.editTitle') : t('orgUnits.createTitle', { parent: parent?.name ?? '' })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saveMutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        initialValues={initialValues}
        onFinish={handleFinish}
      >
        <Form.Item name="name" label={t('orgUnits.name')} required>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="type" label={t('orgUnits.type')} required>
          <Select options={typeChoices.map((type) => ({ value: type, label: ORG_UNIT_TYPE_LABELS[type] }))} />
        </Form.Item>
        <Form.Item name="typeLabel" label={t('orgUnits.typeLabel')} extra={t('orgUnits.typeLabelHint')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('orgUnits.divisionCode')}
          extra={t('orgUnits.divisionCodeHint')}
        >
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <Form.Item name="aliases" label={t('orgUnits.aliases')} extra={t('orgUnits.aliasesHint')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('orgUnits.sortOrder')} extra={t('orgUnits.sortOrderHint')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
