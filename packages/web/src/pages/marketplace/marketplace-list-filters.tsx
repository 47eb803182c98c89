import { Input } from 'antd'
import { useState, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import {
  changeFilter,
  listStateFromSearch,
  listStateToParams,
  type MarketplaceListState,
} from './marketplace-list-state'

type ListQuerySchema = Parameters<typeof listStateFromSearch>[1]

/** A marketplace list's state, read from and written to the address. */
export function useMarketplaceListState(schema: ListQuerySchema) {
  const [search, setSearch] = useSearchParams()
  const state = listStateFromSearch(search, schema)
  function update(next: MarketplaceListState) {
    setSearch(
      new URLSearchParams(
        Object.entries(listStateToParams(next)).map(([key, value]) => [key, String(value)]),
      ),
    )
  }
  return {
    state,
    params: listStateToParams(state),
    update,
    updateFilter: (change: Parameters<typeof changeFilter>[1]) => update(changeFilter(state, change)),
  }
}

/** The filter bar shared by the three lists: search, 产业领域, region, then the list's own selects. */
export function MarketplaceListFilters({
  state,
  searchPlaceholder,
  onChange,
  children,
}: {
  state: MarketplaceListState
  searchPlaceholder: string
  onChange: (change: Parameters<typeof changeFilter>[1]) => void
  children?: ReactNode
}) {
  const [searchText, setSearchText] = useState(state.q ?? '')
  return (
    <div className="list-filters">
      <Input.Search
        allowClear
        placeholder={searchPlaceholder}
        aria-label={t('marketplace.searchLabel')}
        value={searchText}
        onChange={(event) => setSearchText(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      <Input.Search
        allowClear
        placeholder={t('marketplace.industryPlaceholder')}
        aria-label={t('marketplace.industry')}
        defaultValue={state.industry}
        onSearch={(value) => onChange({ industry: value.trim() || undefined })}
      />
      {children}
      <OrgUnitTreeSelect
        allowClear
        placeholder={t('marketplace.regionPlaceholder')}
        aria-label={t('marketplace.region')}
        value={state.orgUnitId}
        onChange={(orgUnitId) => onChange({ orgUnitId })}
      />
    </div>
  )
}
