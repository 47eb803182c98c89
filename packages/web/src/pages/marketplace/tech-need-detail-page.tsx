import { NEED_STATUS_LABELS, type TechNeed } from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Card, Descriptions, Flex, Tag } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useParams } from 'react-router'
import { FullPageSpin } from '../../app/full-page-spin'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { formatWanYuan, joinWords, NEED_STATUS_COLORS } from './marketplace-display'
import { MarketplaceRecordActions } from './marketplace-record-actions'
import { MarketplaceRecordTags } from './marketplace-record-tags'
import { MarketplaceTextBlock } from './marketplace-text-block'
import { techNeedQueryOptions } from './marketplace.api'
import { RecommendationPanel } from './recommendation-panel'
import { TechNeedForm } from './tech-need-form'

const NONE = t('common.none')
const NEED_KINDS = ['results', 'experts'] as const

/** One 技术需求 with the results and experts recommended for it. */
export function TechNeedDetailPage() {
  const { id = '' } = useParams()
  const { data: need, error, refetch } = useQuery(techNeedQueryOptions(id))
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!need) return <FullPageSpin />
  return <TechNeedView need={need} />
}

function TechNeedView({ need }: { need: TechNeed }) {
  const [isEditing, setIsEditing] = useState(false)
  return (
    <PageContainer
      title={
        <Flex gap={8} wrap align="center">
          <span>{need.title}</span>
          <Tag color={NEED_STATUS_COLORS[need.status]}>{NEED_STATUS_LABELS[need.status]}</Tag>
          <MarketplaceRecordTags
            source={need.source}
            isSynthetic={need.isSynthetic}
            planDirectionId={need.planDirectionId}
          />
        </Flex>
      }
      extra={
        <MarketplaceRecordActions
          collection="needs"
          id={need.id}
          name={need.title}
          canEdit={need.canEdit}
          onEdit={() => setIsEditing(true)}
        />
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('marketplace.needs.enterprise')}>
              {need.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.industry')}>{need.industry}</Descriptions.Item>
            <Descriptions.Item label={t('marketplace.needs.budget')}>
              {formatWanYuan(need.budgetWanYuan)}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.needs.deadline')}>
              {need.deadline ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.keywords')}>
              {joinWords(need.keywords)}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.region')}>{need.regionName ?? NONE}</Descriptions.Item>
            <Descriptions.Item label={t('marketplace.contactName')}>
              {need.contactName ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.contactPhone')}>
              {need.contactPhone ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.createdAt')}>
              {dayjs(need.createdAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.updatedAt')}>
              {dayjs(need.updatedAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.needs.description')} span="filled">
              <MarketplaceTextBlock text={need.description} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <RecommendationPanel
          collection="needs"
          id={need.id}
          kinds={NEED_KINDS}
          ownText={`${need.title}\n${need.description}`}
        />
      </Flex>
      {isEditing && (
        <TechNeedForm need={need} onClose={() => setIsEditing(false)} onSaved={() => setIsEditing(false)} />
      )}
    </PageContainer>
  )
}
