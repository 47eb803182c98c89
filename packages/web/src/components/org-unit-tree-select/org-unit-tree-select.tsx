import { useQuery } from '@tanstack/react-query'
import { TreeSelect } from 'antd'
import { useMemo, type CSSProperties } from 'react'
import { t } from '../../i18n/t'
import { orgUnitsQueryOptions } from '../../pages/org-units/org-units.api'
import { toOrgUnitTreeData, topLevelKeys, type OrgUnitTreeDataOptions } from './to-org-unit-tree-data'

interface OrgUnitTreeSelectProps extends OrgUnitTreeDataOptions {
  /** Set by Form.Item, so the field's label points at this control. */
  id?: string
  value?: string | null
  onChange?: (id: string | undefined) => void
  placeholder?: string
  allowClear?: boolean
  disabled?: boolean
  style?: CSSProperties
  'aria-label'?: string
}

/** Picks one org unit of the user's scope, searchable by name; loads the tree itself. */
export function OrgUnitTreeSelect({
  excludeSubtreeOf,
  isSelectable,
  value,
  onChange,
  placeholder = t('orgUnits.treeSelectPlaceholder'),
  ...rest
}: OrgUnitTreeSelectProps) {
  const { data: units, isLoading } = useQuery(orgUnitsQueryOptions)
  const treeData = useMemo(
    () => toOrgUnitTreeData(units ?? [], { excludeSubtreeOf, isSelectable }),
    [units, excludeSubtreeOf, isSelectable],
  )
  const defaultExpandedKeys = useMemo(() => topLevelKeys(treeData, (option) => option.value), [treeData])

  return (
    <TreeSelect
      {...rest}
      // Default expansion applies when the tree mounts, so mount it again once the units have arrived.
      key={units ? 'loaded' : 'loading'}
      value={value ?? undefined}
      onChange={(id: string | undefined) => onChange?.(id)}
      treeData={treeData}
      treeDefaultExpandedKeys={defaultExpandedKeys}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={isLoading}
      placeholder={placeholder}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(420px, 92vw)' } } }}
    />
  )
}
