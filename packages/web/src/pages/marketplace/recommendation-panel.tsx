import {
  MATURITY_LABELS,
  MATURITY_LEVELS,
  type MaturityLevel,
  type Recommendation,
  type RecommendationKind,
} from '@kechuang/core/marketplace'
import { useQuery } from '@tanstack/react-query'
import { Card, Checkbox, Empty, Flex, List, Select, Tabs, Tag, Tooltip, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { HighlightedText } from './highlighted-text'
import { sharePercent } from './marketplace-display'
import { snippetOf } from './highlight-terms'
import { recommendationsQueryOptions, type MarketplaceCollection } from './marketplace.api'
import { StartEngagementButton } from './start-engagement-button'

const RECOMMENDATION_LIMIT = 10
// How much of the record's own text the panel shows with the shared terms marked.
const OWN_TEXT_CHARS = 300

const TAB_LABEL_KEYS = {
  results: 'marketplace.recommend.matchedResults',
  experts: 'marketplace.recommend.matchedExperts',
  needs: 'marketplace.recommend.matchedNeeds',
} as const

/**
 * 推荐: for a need, the results and experts that fit it; for a result, the needs it answers. Each with the reason
 * (shared technical terms, same 产业领域), and the record's own text with the shared terms marked.
 */
export function RecommendationPanel({
  collection,
  id,
  kinds,
  ownText,
}: {
  collection: MarketplaceCollection
  id: string
  kinds: readonly RecommendationKind[]
  /** The record's own description, where the shared terms of the shown recommendations are marked. */
  ownText: string
}) {
  const { can } = useAuth()
  const canStartEngagement = can('marketplace:manage')
  const [kind, setKind] = useState<RecommendationKind>(kinds[0] ?? 'results')
  const [isSameIndustry, setIsSameIndustry] = useState(false)
  const [maturity, setMaturity] = useState<MaturityLevel | undefined>()
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>()
  const { data, error, refetch, isFetching } = useQuery(
    recommendationsQueryOptions(collection, id, {
      kind,
      sameIndustry: isSameIndustry,
      maturity: kind === 'results' ? maturity : undefined,
      orgUnitId,
      limit: RECOMMENDATION_LIMIT,
    }),
  )
  const items = data?.items ?? []
  const sharedTerms = [...new Set(items.flatMap((item) => item.sharedTerms.map((shared) => shared.term)))]

  const options = (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <Checkbox checked={isSameIndustry} onChange={(event) => setIsSameIndustry(event.target.checked)}>
        {t('marketplace.recommend.sameIndustry')}
      </Checkbox>
      {kind === 'results' && (
        <Select<MaturityLevel>
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('marketplace.recommend.anyMaturity')}
          aria-label={t('marketplace.results.maturity')}
          value={maturity}
          onChange={setMaturity}
          options={MATURITY_LEVELS.map((level) => ({ value: level, label: MATURITY_LABELS[level] }))}
        />
      )}
      {/* The region tree is the reader's scope: accounts without one (enterprises, institutions) see no such filter. */}
      {can('org-units:read') && (
        <OrgUnitTreeSelect
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('marketplace.recommend.anyRegion')}
          aria-label={t('marketplace.recommend.region')}
          value={orgUnitId}
          onChange={setOrgUnitId}
        />
      )}
    </Flex>
  )

  const body = (
    <>
      {options}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {sharedTerms.length > 0 && (
        <Card size="small" title={t('marketplace.recommend.ownText')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            <HighlightedText text={snippetOf(ownText, OWN_TEXT_CHARS)} terms={sharedTerms} />
          </Typography.Paragraph>
        </Card>
      )}
      <List<Recommendation>
        loading={isFetching}
        dataSource={items}
        rowKey="id"
        locale={{ emptyText: <Empty description={t('marketplace.recommend.empty')} /> }}
        renderItem={(item) => (
          <RecommendationItem
            item={item}
            action={canStartEngagement && <StartEngagementButton panel={{ collection, id }} item={item} />}
          />
        )}
      />
    </>
  )

  return (
    <Card title={t('marketplace.recommend.title')}>
      {kinds.length > 1 ? (
        <Tabs
          activeKey={kind}
          onChange={(key) => setKind(key as RecommendationKind)}
          items={kinds.map((one) => ({ key: one, label: t(TAB_LABEL_KEYS[one]), children: body }))}
        />
      ) : (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t(TAB_LABEL_KEYS[kind])}
          </Typography.Title>
          {body}
        </>
      )}
    </Card>
  )
}

function RecommendationItem({ item, action }: { item: Recommendation; action: ReactNode }) {
  const terms = item.sharedTerms.map((shared) => shared.term)
  return (
    <List.Item data-testid="recommendation-item">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Link to={`/marketplace/${item.kind}/${item.id}`}>
            <HighlightedText text={item.title} terms={terms} />
          </Link>
          <Flex gap={4} align="center" wrap>
            {item.industryMatch && <Tag color="green">{t('marketplace.recommend.industryMatch')}</Tag>}
            <Typography.Text type="secondary">
              {t('marketplace.recommend.score', { score: item.score.toFixed(2) })}
            </Typography.Text>
            {action}
          </Flex>
        </Flex>
        <Typography.Text type="secondary">
          <HighlightedText text={item.subtitle} terms={terms} />
        </Typography.Text>
        <Typography.Text>{item.reason}</Typography.Text>
        {item.sharedTerms.length > 0 && (
          <Flex gap={4} wrap align="center">
            <Typography.Text type="secondary">{t('marketplace.recommend.sharedTerms')}</Typography.Text>
            {item.sharedTerms.map((shared) => (
              <Tooltip
                key={shared.term}
                title={t('marketplace.recommend.sharedTermShare', { percent: sharePercent(shared.share) })}
              >
                <Tag color="gold">{shared.term}</Tag>
              </Tooltip>
            ))}
          </Flex>
        )}
      </Flex>
    </List.Item>
  )
}
