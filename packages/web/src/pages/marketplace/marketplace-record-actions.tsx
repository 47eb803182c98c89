import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Popconfirm } from 'antd'
import { Link, useNavigate } from 'react-router'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { deleteMarketplaceRecord, marketplaceKeys, type MarketplaceCollection } from './marketplace.api'

/** A detail page's actions: back to the list, and edit / delete when the record says the reader may. */
export function MarketplaceRecordActions({
  collection,
  id,
  name,
  canEdit,
  onEdit,
}: {
  collection: MarketplaceCollection
  id: string
  name: string
  canEdit: boolean
  onEdit: () => void
}) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const handleError = useHandleError()
  const listPath = `/marketplace/${collection}`
  const remove = useMutation({
    mutationFn: () => deleteMarketplaceRecord(collection, id),
    onSuccess: async () => {
      void message.success(t('marketplace.deleted', { name }))
      queryClient.removeQueries({ queryKey: marketplaceKeys.one(collection, id) })
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all })
      void navigate(listPath)
    },
    onError: handleError,
  })

  return (
    <Flex gap={8} wrap>
      <Link to={listPath}>
        <Button icon={<ArrowLeftOutlined />}>{t('marketplace.back')}</Button>
      </Link>
      {canEdit && (
        <>
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('marketplace.deleteConfirm', { name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, loading: remove.isPending }}
            onConfirm={() => remove.mutate()}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Flex>
  )
}
