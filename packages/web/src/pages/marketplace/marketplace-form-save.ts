import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, type FormInstance } from 'antd'
import { useState } from 'react'
import { t, type MessageKey } from '../../i18n/t'
import { showServerErrors, validateForm, type FormSchema } from '../../lib/form-validation'
import { marketplaceKeys } from './marketplace.api'

// Server codes that belong to one field of the marketplace forms (the server's marketplace.errors.ts).
const FIELD_BY_CODE = {
  REGION_NOT_FOUND: 'regionOrgUnitId',
  ENTERPRISE_NOT_FOUND: 'enterpriseName',
  INSTITUTION_NOT_FOUND: 'ownerName',
}

/**
 * Submitting a marketplace form: the body is checked with the core input schema first (problems land on their
 * fields), then saved; the server's field problems land on the fields too, anything else above the form.
 */
export function useMarketplaceFormSave<Input, Saved extends { id: string }>({
  form,
  schema,
  save,
  nameOf,
  isEditing,
  createdKey = 'marketplace.created',
  fieldByCode,
  onSaved,
}: {
  form: FormInstance
  schema: FormSchema<Input>
  save: (input: Input) => Promise<Saved>
  nameOf: (saved: Saved) => string
  isEditing: boolean
  /** The notice after a create ("已发布「…」"), with `{name}`. */
  createdKey?: MessageKey
  /** The form's own server codes that belong to one field (`{ CONTRACT_NUMBER_TAKEN: 'registrationNumber' }`). */
  fieldByCode?: Record<string, string>
  onSaved: (saved: Saved) => void
}) {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      void message.success(t(isEditing ? 'marketplace.saved' : createdKey, { name: nameOf(saved) }))
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all })
      onSaved(saved)
    },
    onError: (error) => setFormError(showServerErrors(form, error, { ...FIELD_BY_CODE, ...fieldByCode })),
  })

  function submit(body: unknown) {
    setFormError(null)
    const result = validateForm(form, schema, body)
    if (result.success) mutation.mutate(result.data)
    else setFormError(result.formError)
  }

  return { submit, formError, isSaving: mutation.isPending }
}
