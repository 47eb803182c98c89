import type { Expert } from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Card, Descriptions, Flex, Tag } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useParams } from 'react-router'
import { FullPageSpin } from '../../app/full-page-spin'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { ExpertForm } from './expert-form'
import { MarketplaceRecordActions } from './marketplace-record-actions'
import { MarketplaceRecordTags } from './marketplace-record-tags'
import { MarketplaceTextBlock } from './marketplace-text-block'
import { expertQueryOptions } from './marketplace.api'
import { RecommendationPanel } from './recommendation-panel'

// An expert's page recommends the needs the expert's fields answer (staff may start a 对接 from there).
const EXPERT_KINDS = ['needs'] as const

const NONE = t('common.none')

/** One expert of the 专家库; contact details come masked unless the reader manages the marketplace. */
export function ExpertDetailPage() {
  const { id = '' } = useParams()
  const { data: expert, error, refetch } = useQuery(expertQueryOptions(id))
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!expert) return <FullPageSpin />
  return <ExpertView expert={expert} />
}

function ExpertView({ expert }: { expert: Expert }) {
  const [isEditing, setIsEditing] = useState(false)
  return (
    <PageContainer
      title={
        <Flex gap={8} wrap align="center">
          <span>{expert.name}</span>
          <MarketplaceRecordTags isSynthetic={expert.isSynthetic} />
        </Flex>
      }
      extra={
        <MarketplaceRecordActions
          collection="experts"
          id={expert.id}
          name={expert.name}
          canEdit={expert.canEdit}
          onEdit={() => setIsEditing(true)}
        />
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('marketplace.experts.organization')}>
              {expert.organization}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.experts.jobTitle')}>
              {expert.title ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.industry')}>{expert.industry}</Descriptions.Item>
            <Descriptions.Item label={t('marketplace.experts.fields')}>
              <Flex gap={4} wrap>
                {expert.fields.map((field) => (
                  <Tag key={field}>{field}</Tag>
                ))}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.experts.phone')}>
              {expert.phone ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.experts.email')}>
              {expert.email ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.region')}>{expert.regionName ?? NONE}</Descriptions.Item>
            <Descriptions.Item label={t('marketplace.updatedAt')}>
              {dayjs(expert.updatedAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.experts.bio')} span="filled">
              <MarketplaceTextBlock text={expert.bio} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <RecommendationPanel
          collection="experts"
          id={expert.id}
          kinds={EXPERT_KINDS}
          ownText={`${expert.fields.join('、')}\n${expert.bio ?? ''}`}
        />
      </Flex>
      {isEditing && (
        <ExpertForm expert={expert} onClose={() => setIsEditing(false)} onSaved={() => setIsEditing(false)} />
      )}
    </PageContainer>
  )
}
