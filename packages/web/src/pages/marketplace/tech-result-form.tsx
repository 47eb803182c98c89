import {
  KEYWORDS_MAX,
  MATURITY_LABELS,
  MATURITY_LEVELS,
  TRANSFER_MODES,
  TRANSFER_MODE_LABELS,
  TechResultInput,
  type TechResult,
} from '@kechuang/core/marketplace'
import { Form, Input, InputNumber, Select } from 'antd'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import { MarketplaceFormDrawer } from './marketplace-form-drawer'
import { useMarketplaceFormSave } from './marketplace-form-save'
import {
  TAG_INPUT_PROPS,
  techResultFormValuesOf,
  techResultInputOf,
  type TechResultFormValues,
} from './marketplace-form-values'
import { saveTechResult } from './marketplace.api'

/** 发布成果 / 编辑: checked with the core TechResultInput before it is sent. */
export function TechResultForm({
  result,
  onClose,
  onSaved,
}: {
  result?: TechResult
  onClose: () => void
  onSaved: (saved: TechResult) => void
}) {
  const [form] = Form.useForm<TechResultFormValues>()
  const { submit, formError, isSaving } = useMarketplaceFormSave({
    form,
    schema: TechResultInput,
    save: (input: TechResultInput) => saveTechResult(input, result?.id),
    nameOf: (saved) => saved.title,
    isEditing: Boolean(result),
    onSaved,
  })

  return (
    <MarketplaceFormDrawer<TechResultFormValues>
      title={result ? t('marketplace.results.editTitle') : t('marketplace.results.createTitle')}
      form={form}
      initialValues={result ? techResultFormValuesOf(result) : { keywords: [], ipNumbers: [] }}
      formError={formError}
      isSaving={isSaving}
      onFinish={(values) => submit(techResultInputOf(values, result))}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('marketplace.results.name')} required>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="abstract" label={t('marketplace.results.abstract')} required>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
      </Form.Item>
      <Form.Item
        name="keywords"
        label={t('marketplace.keywords')}
        extra={t('marketplace.keywordsHint', { max: KEYWORDS_MAX })}
      >
        <Select {...TAG_INPUT_PROPS} />
      </Form.Item>
      <Form.Item name="industry" label={t('marketplace.industry')} required>
        <Input />
      </Form.Item>
      <Form.Item name="maturity" label={t('marketplace.results.maturity')} required>
        <Select options={MATURITY_LEVELS.map((level) => ({ value: level, label: MATURITY_LABELS[level] }))} />
      </Form.Item>
      <Form.Item name="transferMode" label={t('marketplace.results.transferMode')} required>
        <Select
          options={TRANSFER_MODES.map((mode) => ({ value: mode, label: TRANSFER_MODE_LABELS[mode] }))}
        />
      </Form.Item>
      <Form.Item
        name="priceWanYuan"
        label={t('marketplace.results.price')}
        extra={t('marketplace.results.priceHint')}
      >
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="ownerName" label={t('marketplace.results.owner')} required>
        <Input />
      </Form.Item>
      <Form.Item
        name="ipNumbers"
        label={t('marketplace.results.ipNumbers')}
        extra={t('marketplace.results.ipNumbersHint')}
      >
        <Select {...TAG_INPUT_PROPS} />
      </Form.Item>
      <Form.Item name="contactName" label={t('marketplace.contactName')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('marketplace.contactPhone')}>
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="regionOrgUnitId" label={t('marketplace.region')}>
        <OrgUnitTreeSelect allowClear />
      </Form.Item>
    </MarketplaceFormDrawer>
  )
}
