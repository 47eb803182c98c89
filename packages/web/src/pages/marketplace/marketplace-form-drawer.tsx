import { Alert, Button, Drawer, Flex, Form, type FormInstance } from 'antd'
import type { ReactNode } from 'react'
import { t } from '../../i18n/t'
import { clearErrorsOnChange } from '../../lib/form-validation'
import { useIsMobile } from '../../lib/use-is-mobile'

/** The drawer around a marketplace form: full width on a phone, fields stacked, the error above them. */
export function MarketplaceFormDrawer<Values>({
  title,
  form,
  initialValues,
  formError,
  isSaving,
  onFinish,
  onClose,
  children,
}: {
  title: string
  form: FormInstance<Values>
  initialValues: Values
  formError: string | null
  isSaving: boolean
  onFinish: (values: Values) => void
  onClose: () => void
  children: ReactNode
}) {
  const isMobile = useIsMobile()
  return (
    <Drawer
      open
      title={title}
      size={isMobile ? '100%' : 640}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
            {t('common.ok')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues as never}
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={onFinish}
      >
        {children}
      </Form>
    </Drawer>
  )
}
