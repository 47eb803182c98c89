import { SearchOutlined } from '@ant-design/icons'
import { buildOrgUnitTree, pathIds, type OrgUnit, type TreeNode } from '@kechuang/core/org-units'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Card, Col, Empty, Input, Row, Skeleton, Tree, type TreeDataNode } from 'antd'
import { useMemo, useRef, useState } from 'react'
import { useAuth } from '../../app/auth-provider'
import { topLevelKeys } from '../../components/org-unit-tree-select/to-org-unit-tree-data'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { useIsMobile } from '../../lib/use-is-mobile'
import { filterOrgUnitTree } from './filter-org-unit-tree'
import { OrgUnitDetails } from './org-unit-details'
import { OrgUnitForm } from './org-unit-form'
import { OrgUnitMoveForm } from './org-unit-move-form'
import { deleteOrgUnit, orgUnitKeys, orgUnitsQueryOptions } from './org-units.api'

type Dialog =
  { kind: 'create'; parent: OrgUnit } | { kind: 'edit'; unit: OrgUnit } | { kind: 'move'; unit: OrgUnit }

/** 组织机构: the tree of the user's scope on the left, the selected unit and its actions on the right. */
export function OrgUnitsPage() {
  const { can } = useAuth()
  const { message } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const isMobile = useIsMobile()
  const { data: units, error, refetch, isLoading } = useQuery(orgUnitsQueryOptions)

  const [search, setSearch] = useState('')
  // null until the user opens or closes a node: then the top two levels are open, or while searching,
  // the way to every match.
  const [expandedKeys, setExpandedKeys] = useState<string[] | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const detailsRef = useRef<HTMLDivElement>(null)

  const roots = useMemo(() => buildOrgUnitTree(units ?? []), [units])
  const unitsById = useMemo(() => new Map((units ?? []).map((unit) => [unit.id, unit])), [units])
  const childCounts = useMemo(() => countChildren(units ?? []), [units])
  const filtered = useMemo(() => filterOrgUnitTree(roots, search), [roots, search])
  const treeData = useMemo(() => toTreeData(filtered.roots, filtered.matchedIds), [filtered])

  const openKeys =
    expandedKeys ?? (search.trim() ? filtered.expandedIds : topLevelKeys(roots, (node) => node.id))
  const selected = (selectedId ? unitsById.get(selectedId) : undefined) ?? roots[0]
  const isScopeRoot = selected ? roots.some((root) => root.id === selected.id) : false

  const refreshTree = () => queryClient.invalidateQueries({ queryKey: orgUnitKeys.all })

  const deleteMutation = useMutation({
    mutationFn: (unit: OrgUnit) => deleteOrgUnit(unit.id),
    onSuccess: async (_result, unit) => {
      void message.success(t('orgUnits.deleted', { name: unit.name }))
      setSelectedId(unit.parentId)
      await refreshTree()
    },
    onError: handleError,
  })

  function handleSearch(value: string) {
    setSearch(value)
    // A new search opens the way to its matches; clearing it goes back to the default view plus the way
    // to the unit chosen meanwhile.
    if (value.trim() || !selected) setExpandedKeys(null)
    else setExpandedKeys([...topLevelKeys(roots, (node) => node.id), ...ancestorIds(selected)])
  }

  async function handleSaved(unit: OrgUnit, notice: string) {
    setDialog(null)
    void message.success(notice)
    setSelectedId(unit.id)
    if (unit.parentId) {
      const parentId = unit.parentId
      setExpandedKeys((keys) => [...new Set([...(keys ?? openKeys), parentId])])
    }
    await refreshTree()
  }

  return (
    <PageContainer title={t('orgUnits.title')}>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <Card title={t('orgUnits.treeTitle')} styles={{ body: { padding: 12 } }}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('orgUnits.searchPlaceholder')}
              aria-label={t('orgUnits.searchPlaceholder')}
              value={search}
              onChange={(event) => handleSearch(event.target.value)}
              style={{ marginBottom: 12 }}
            />
            {isLoading ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : treeData.length === 0 ? (
              <Empty description={search ? t('orgUnits.noMatch') : t('orgUnits.empty')} />
            ) : (
              <div className="org-unit-tree" style={{ maxHeight: isMobile ? '45vh' : 'calc(100vh - 250px)' }}>
                <Tree
                  blockNode
                  showLine
                  treeData={treeData}
                  expandedKeys={openKeys}
                  onExpand={(keys) => setExpandedKeys(keys.map(String))}
                  selectedKeys={selected ? [selected.id] : []}
                  onSelect={(keys) => {
                    // Clicking the selected unit again keeps it selected.
                    if (keys[0] === undefined) return
                    setSelectedId(String(keys[0]))
                    // On a phone the details sit below the tree: bring them into view.
                    if (isMobile) detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })
                  }}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16} ref={detailsRef} style={{ scrollMarginTop: 64 }}>
          {selected ? (
            <OrgUnitDetails
              unit={selected}
              unitsById={unitsById}
              childCount={childCounts.get(selected.id) ?? 0}
              isScopeRoot={isScopeRoot}
              canWrite={can('org-units:write')}
              isDeleting={deleteMutation.isPending}
              onSelect={setSelectedId}
              onCreateChild={() => setDialog({ kind: 'create', parent: selected })}
              onEdit={() => setDialog({ kind: 'edit', unit: selected })}
              onMove={() => setDialog({ kind: 'move', unit: selected })}
              onDelete={() => deleteMutation.mutate(selected)}
            />
          ) : (
            !isLoading && (
              <Card>
                <Empty description={t('orgUnits.selectHint')} />
              </Card>
            )
          )}
        </Col>
      </Row>

      {dialog?.kind === 'create' && (
        <OrgUnitForm
          parent={dialog.parent}
          onClose={() => setDialog(null)}
          onSaved={(unit) => void handleSaved(unit, t('orgUnits.created', { name: unit.name }))}
        />
      )}
      {dialog?.kind === 'edit' && (
        <OrgUnitForm
          unit={dialog.unit}
          parent={dialog.unit.parentId ? unitsById.get(dialog.unit.parentId) : undefined}
          onClose={() => setDialog(null)}
          onSaved={(unit) => void handleSaved(unit, t('common.saved'))}
        />
      )}
      {dialog?.kind === 'move' && (
        <OrgUnitMoveForm
          unit={dialog.unit}
          onClose={() => setDialog(null)}
          onMoved={(unit) => void handleSaved(unit, t('orgUnits.moved', { name: unit.name }))}
        />
      )}
    </PageContainer>
  )
}

function toTreeData(nodes: readonly TreeNode<OrgUnit>[], matchedIds: ReadonlySet<string>): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    // The title is the unit's name alone, so the node can be found by its visible text.
    title: matchedIds.has(node.id) ? <span className="org-unit-tree-match">{node.name}</span> : node.name,
    children: toTreeData(node.children, matchedIds),
  }))
}

function ancestorIds(unit: OrgUnit): string[] {
  return pathIds(unit.path).filter((id) => id !== unit.id)
}

function countChildren(units: readonly OrgUnit[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const unit of units) {
    if (unit.parentId) counts.set(unit.parentId, (counts.get(unit.parentId) ?? 0) + 1)
  }
  return counts
}
