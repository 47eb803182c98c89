import { ExpertInput, KEYWORDS_MAX, type Expert } from '@kechuang/core/marketplace'
import { Form, Input, Select } from 'antd'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import { MarketplaceFormDrawer } from './marketplace-form-drawer'
import { useMarketplaceFormSave } from './marketplace-form-save'
import {
  TAG_INPUT_PROPS,
  expertFormValuesOf,
  expertInputOf,
  type ExpertFormValues,
} from './marketplace-form-values'
import { saveExpert } from './marketplace.api'

/** 新增专家 / 编辑 (marketplace staff): checked with the core ExpertInput before it is sent. */
export function ExpertForm({
  expert,
  onClose,
  onSaved,
}: {
  expert?: Expert
  onClose: () => void
  onSaved: (saved: Expert) => void
}) {
  const [form] = Form.useForm<ExpertFormValues>()
  const { submit, formError, isSaving } = useMarketplaceFormSave({
    form,
    schema: ExpertInput,
    save: (input: ExpertInput) => saveExpert(input, expert?.id),
    nameOf: (saved) => saved.name,
    isEditing: Boolean(expert),
    createdKey: 'marketplace.experts.created',
    onSaved,
  })

  return (
    <MarketplaceFormDrawer<ExpertFormValues>
      title={expert ? t('marketplace.experts.editTitle') : t('marketplace.experts.createTitle')}
      form={form}
      initialValues={expert ? expertFormValuesOf(expert) : { fields: [] }}
      formError={formError}
      isSaving={isSaving}
      onFinish={(values) => submit(expertInputOf(values))}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('marketplace.experts.name')} required>
        <Input autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item name="organization" label={t('marketplace.experts.organization')} required>
        <Input />
      </Form.Item>
      <Form.Item name="title" label={t('marketplace.experts.jobTitle')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="fields"
        label={t('marketplace.experts.fields')}
        required
        extra={t('marketplace.experts.fieldsHint', { max: KEYWORDS_MAX })}
      >
        <Select {...TAG_INPUT_PROPS} />
      </Form.Item>
      <Form.Item name="industry" label={t('marketplace.industry')} required>
        <Input />
      </Form.Item>
      <Form.Item name="bio" label={t('marketplace.experts.bio')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="phone" label={t('marketplace.experts.phone')}>
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label={t('marketplace.experts.email')}>
        <Input inputMode="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="regionOrgUnitId" label={t('marketplace.region')}>
        <OrgUnitTreeSelect allowClear />
      </Form.Item>
    </MarketplaceFormDrawer>
  )
}
