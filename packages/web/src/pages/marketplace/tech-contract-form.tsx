import {
  CONTRACT_AMOUNT_MAX,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  TechContractInput,
  type Engagement,
  type TechContract,
} from '@kechuang/core/marketplace'
import { Alert, DatePicker, Form, Input, InputNumber, Select } from 'antd'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import {
  NO_CONTRACT_LINKS,
  contractPrefillOf,
  isFutureDay,
  techContractFormValuesOf,
  techContractInputOf,
  techContractLinksOf,
  type TechContractFormValues,
} from './deal-form-values'
import { saveTechContract } from './deals.api'
import { MarketplaceFormDrawer } from './marketplace-form-drawer'
import { useMarketplaceFormSave } from './marketplace-form-save'

// Server refusals that belong to one field of this form (the server's deals.errors.ts).
const CONTRACT_FIELD_BY_CODE = {
  CONTRACT_NUMBER_TAKEN: 'registrationNumber',
  CONTRACT_DATE_IN_FUTURE: 'signedOn',
}
// The smallest amount the registry takes: one 元 (万元 with four decimals).
const AMOUNT_STEP_WAN_YUAN = 0.0001

/**
 * 登记技术合同 / 编辑: a new contract, one concluding a 对接 (prefilled from it; registering moves the 对接 to 已签合同),
 * or an existing one. Checked with the core TechContractInput before it is sent.
 */
export function TechContractForm({
  contract,
  engagement,
  onClose,
  onSaved,
}: {
  contract?: TechContract
  engagement?: Engagement
  onClose: () => void
  onSaved: (saved: TechContract) => void
}) {
  const [form] = Form.useForm<TechContractFormValues>()
  const links = contract
    ? techContractLinksOf(contract)
    : { ...NO_CONTRACT_LINKS, engagementId: engagement?.id ?? null }
  const { submit, formError, isSaving } = useMarketplaceFormSave({
    form,
    schema: TechContractInput,
    save: (input: TechContractInput) => saveTechContract(input, contract?.id),
    nameOf: (saved) => saved.title,
    isEditing: Boolean(contract),
    createdKey: 'marketplaceDeals.contracts.created',
    fieldByCode: CONTRACT_FIELD_BY_CODE,
    onSaved,
  })
  const initialValues: TechContractFormValues = contract
    ? techContractFormValuesOf(contract)
    : engagement
      ? contractPrefillOf(engagement)
      : {}

  return (
    <MarketplaceFormDrawer<TechContractFormValues>
      title={t(contract ? 'marketplaceDeals.contracts.editTitle' : 'marketplaceDeals.contracts.createTitle')}
      form={form}
      initialValues={initialValues}
      formError={formError}
      isSaving={isSaving}
      onFinish={(values) => submit(techContractInputOf(values, links))}
      onClose={onClose}
    >
      {engagement && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('marketplaceDeals.contracts.fromEngagement', {
            need: engagement.needTitle,
            counterpart: engagement.counterpartTitle,
          })}
        />
      )}
      <Form.Item
        name="registrationNumber"
        label={t('marketplaceDeals.contracts.registrationNumber')}
        required
      >
        <Input autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item name="title" label={t('marketplaceDeals.contracts.name')} required>
        <Input />
      </Form.Item>
      <Form.Item name="type" label={t('marketplaceDeals.contracts.type')} required>
        <Select
          options={CONTRACT_TYPES.map((type) => ({ value: type, label: CONTRACT_TYPE_LABELS[type] }))}
        />
      </Form.Item>
      <Form.Item name="amountWanYuan" label={t('marketplaceDeals.contracts.amount')} required>
        <InputNumber
          min={AMOUNT_STEP_WAN_YUAN}
          max={CONTRACT_AMOUNT_MAX}
          step={1}
          precision={4}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="sellerName" label={t('marketplaceDeals.contracts.seller')} required>
        <Input />
      </Form.Item>
      <Form.Item name="buyerName" label={t('marketplaceDeals.contracts.buyer')} required>
        <Input />
      </Form.Item>
      <Form.Item
        name="signedOn"
        label={t('marketplaceDeals.contracts.signedOn')}
        extra={t('marketplaceDeals.contracts.signedOnHint')}
        required
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(day) => isFutureDay(day)} />
      </Form.Item>
      <Form.Item
        name="regionOrgUnitId"
        label={t('marketplaceDeals.contracts.region')}
        extra={t('marketplaceDeals.contracts.regionHint')}
      >
        <OrgUnitTreeSelect allowClear />
      </Form.Item>
      <Form.Item name="note" label={t('marketplaceDeals.contracts.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </MarketplaceFormDrawer>
  )
}
