import { QUALIFIED_LABELS, RULE_SET_LABELS, type SavedSelfCheck } from '@kechuang/core/qualification'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { deleteSelfCheck, savedSelfChecksQueryOptions, selfCheckKeys } from './self-check.api'
import { QUALIFIED_TAG_COLORS } from './screening-verdict-colors'

/** 我保存的自测: reopen one into the form (to change and evaluate again) or delete it. */
export function SelfCheckSavedList({ onOpen }: { onOpen: (check: SavedSelfCheck) => void }) {
  const { message } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const saved = useQuery(savedSelfChecksQueryOptions())
  const remove = useMutation({
    mutationFn: deleteSelfCheck,
    onSuccess: async () => {
      void message.success(t('qualification.selfCheck.deleted'))
      await queryClient.invalidateQueries({ queryKey: selfCheckKeys.saved })
    },
    onError: handleError,
  })

  return (
    <Card size="small" title={t('qualification.selfCheck.savedChecks')}>
      {saved.isError ? (
        <QueryError error={saved.error} onRetry={() => void saved.refetch()} />
      ) : (
        <List
          loading={saved.isPending}
          dataSource={saved.data ?? []}
          rowKey="id"
          locale={{ emptyText: t('qualification.selfCheck.noSavedChecks') }}
          renderItem={(check) => (
            <List.Item
              actions={[
                <Button key="open" type="link" size="small" onClick={() => onOpen(check)}>
                  {t('qualification.selfCheck.open')}
                </Button>,
                <Popconfirm
                  key="delete"
                  title={t('qualification.selfCheck.deleteConfirm', { name: check.name })}
                  onConfirm={() => remove.mutate(check.id)}
                >
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Typography.Text>{check.name}</Typography.Text>
                    <Tag color={QUALIFIED_TAG_COLORS[check.qualified]}>
                      {QUALIFIED_LABELS[check.qualified]}
                    </Tag>
                  </Space>
                }
                description={`${RULE_SET_LABELS[check.ruleSet]} · ${t('qualification.selfCheck.savedAt', {
                  time: dayjs(check.createdAt).format('YYYY-MM-DD HH:mm'),
                })}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
