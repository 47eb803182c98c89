import { NodeIndexOutlined } from '@ant-design/icons'
import type { RecommendationKind } from '@kechuang/core/marketplace'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex } from 'antd'
import { useNavigate } from 'react-router'
import { t } from '../../i18n/t'
import { ApiError } from '../../lib/api-client'
import { useHandleError } from '../../lib/handle-error'
import { engagementBoardPath } from './deal-display'
import { createEngagement } from './deals.api'
import { engagementInputFor, existingEngagementId } from './engagement-moves'
import { marketplaceKeys, type MarketplaceCollection } from './marketplace.api'

/**
 * 发起对接 on one recommendation: starts following the need with the result or expert. The notice links to the 对接
 * on the board; a pair already followed says so and links to the existing 对接 instead.
 */
export function StartEngagementButton({
  panel,
  item,
}: {
  panel: { collection: MarketplaceCollection; id: string }
  item: { kind: RecommendationKind; id: string }
}) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const handleError = useHandleError()

  // The notice lives outside the router's tree, so its link is a button that navigates.
  function notice(text: string, engagementId: string) {
    return (
      <Flex gap={8} align="center" component="span">
        <span>{text}</span>
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => {
            message.destroy()
            void navigate(engagementBoardPath(engagementId))
          }}
        >
          {t('marketplaceDeals.engagements.openOnBoard')}
        </Button>
      </Flex>
    )
  }

  const start = useMutation({
    mutationFn: () => createEngagement(engagementInputFor(panel, item)),
    onSuccess: async (created) => {
      void message.success({
        content: notice(t('marketplaceDeals.engagements.started'), created.id),
        duration: 6,
      })
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all })
    },
    onError: (error) => {
      const existingId =
        error instanceof ApiError && error.code === 'ENGAGEMENT_EXISTS'
          ? existingEngagementId(error.details)
          : null
      if (existingId)
        void message.warning({
          content: notice(t('marketplaceDeals.engagements.exists'), existingId),
          duration: 6,
        })
      else handleError(error)
    },
  })

  return (
    <Button
      size="small"
      icon={<NodeIndexOutlined />}
      aria-label={t('marketplaceDeals.engagements.start')}
      loading={start.isPending}
      onClick={() => start.mutate()}
    >
      {t('marketplaceDeals.engagements.start')}
    </Button>
  )
}
