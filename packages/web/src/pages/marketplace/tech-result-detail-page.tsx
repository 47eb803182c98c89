import { MATURITY_LABELS, TRANSFER_MODE_LABELS, type TechResult } from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Card, Descriptions, Flex, Tag } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useParams } from 'react-router'
import { FullPageSpin } from '../../app/full-page-spin'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { formatWanYuan, joinWords } from './marketplace-display'
import { MarketplaceRecordActions } from './marketplace-record-actions'
import { MarketplaceRecordTags } from './marketplace-record-tags'
import { MarketplaceTextBlock } from './marketplace-text-block'
import { techResultQueryOptions } from './marketplace.api'
import { RecommendationPanel } from './recommendation-panel'
import { TechResultForm } from './tech-result-form'

const NONE = t('common.none')
const RESULT_KINDS = ['needs'] as const

/** One 科技成果 with the needs it answers. */
export function TechResultDetailPage() {
  const { id = '' } = useParams()
  const { data: result, error, refetch } = useQuery(techResultQueryOptions(id))
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!result) return <FullPageSpin />
  return <TechResultView result={result} />
}

function TechResultView({ result }: { result: TechResult }) {
  const [isEditing, setIsEditing] = useState(false)
  return (
    <PageContainer
      title={
        <Flex gap={8} wrap align="center">
          <span>{result.title}</span>
          <Tag color="blue">{MATURITY_LABELS[result.maturity]}</Tag>
          <MarketplaceRecordTags source={result.source} isSynthetic={result.isSynthetic} />
        </Flex>
      }
      extra={
        <MarketplaceRecordActions
          collection="results"
          id={result.id}
          name={result.title}
          canEdit={result.canEdit}
          onEdit={() => setIsEditing(true)}
        />
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('marketplace.results.owner')}>{result.ownerName}</Descriptions.Item>
            <Descriptions.Item label={t('marketplace.industry')}>{result.industry}</Descriptions.Item>
            <Descriptions.Item label={t('marketplace.results.maturity')}>
              {MATURITY_LABELS[result.maturity]}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.results.transferMode')}>
              {TRANSFER_MODE_LABELS[result.transferMode]}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.results.price')}>
              {formatWanYuan(result.priceWanYuan)}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.keywords')}>
              {joinWords(result.keywords)}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.results.ipNumbers')}>
              {joinWords(result.ipNumbers)}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.region')}>{result.regionName ?? NONE}</Descriptions.Item>
            <Descriptions.Item label={t('marketplace.contactName')}>
              {result.contactName ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.contactPhone')}>
              {result.contactPhone ?? NONE}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.createdAt')}>
              {dayjs(result.createdAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.updatedAt')}>
              {dayjs(result.updatedAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.results.abstract')} span="filled">
              <MarketplaceTextBlock text={result.abstract} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <RecommendationPanel
          collection="results"
          id={result.id}
          kinds={RESULT_KINDS}
          ownText={`${result.title}\n${result.abstract}`}
        />
      </Flex>
      {isEditing && (
        <TechResultForm
          result={result}
          onClose={() => setIsEditing(false)}
          onSaved={() => setIsEditing(false)}
        />
      )}
    </PageContainer>
  )
}
