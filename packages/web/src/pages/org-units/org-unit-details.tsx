import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { ORG_UNIT_TYPE_LABELS, pathIds, type OrgUnit } from '@kechuang/core/org-units'
import { Breadcrumb, Button, Card, Descriptions, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd'
import dayjs from 'dayjs'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'

interface OrgUnitDetailsProps {
  unit: OrgUnit
  unitsById: ReadonlyMap<string, OrgUnit>
  childCount: number
  /** The top of the user's scope: the server refuses to move or delete it. */
  isScopeRoot: boolean
  canWrite: boolean
  isDeleting: boolean
  onSelect: (id: string) => void
  onCreateChild: () => void
  onEdit: () => void
  onMove: () => void
  onDelete: () => void
}

/** The selected unit: where it sits, what it is, and what may be done with it. */
export function OrgUnitDetails({
  unit,
  unitsById,
  childCount,
  isScopeRoot,
  canWrite,
  isDeleting,
  onSelect,
  onCreateChild,
  onEdit,
  onMove,
  onDelete,
}: OrgUnitDetailsProps) {
  // Ancestors outside the user's scope are not in the list, so the trail starts at the scope's top.
  const trail = pathIds(unit.path).flatMap((id) => {
    const node = unitsById.get(id)
    return node ? [node] : []
  })
  const none = t('common.none')
  const lockedHint = isScopeRoot ? t('orgUnits.scopeRootLocked') : undefined
  const isMobile = useIsMobile()

  const actions = canWrite && (
    <Flex gap={8} wrap justify={isMobile ? 'flex-start' : 'flex-end'}>
      <Button type="primary" icon={<PlusOutlined />} onClick={onCreateChild}>
        {t('orgUnits.createChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Tooltip title={lockedHint}>
        <Button icon={<DragOutlined />} onClick={onMove} disabled={isScopeRoot}>
          {t('orgUnits.move')}
        </Button>
      </Tooltip>
      <Popconfirm
        title={t('orgUnits.deleteConfirm', { name: unit.name })}
        description={t('orgUnits.deleteHint')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: isDeleting }}
        onConfirm={onDelete}
        disabled={isScopeRoot}
      >
        <Tooltip title={lockedHint}>
          <Button danger icon={<DeleteOutlined />} disabled={isScopeRoot}>
            {t('common.delete')}
          </Button>
        </Tooltip>
      </Popconfirm>
    </Flex>
  )

  return (
    // On a phone the actions go under the title: beside it they would squeeze it out.
    <Card title={t('orgUnits.details')} extra={!isMobile && actions}>
      {isMobile && actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={trail.map((node) => ({
          key: node.id,
          title:
            node.id === unit.id ? (
              node.name
            ) : (
              <Typography.Link onClick={() => onSelect(node.id)}>{node.name}</Typography.Link>
            ),
        }))}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'name', label: t('orgUnits.name'), children: unit.name, span: 'filled' },
          { key: 'type', label: t('orgUnits.type'), children: ORG_UNIT_TYPE_LABELS[unit.type] },
          { key: 'typeLabel', label: t('orgUnits.typeLabel'), children: unit.typeLabel ?? none },
          { key: 'divisionCode', label: t('orgUnits.divisionCode'), children: unit.divisionCode ?? none },
          {
            key: 'childCount',
            label: t('orgUnits.childCount'),
            children: t('orgUnits.childCountValue', { count: childCount }),
          },
          {
            key: 'aliases',
            label: t('orgUnits.aliases'),
            span: 'filled',
            children:
              unit.aliases.length > 0 ? (
                <Flex gap={4} wrap>
                  {unit.aliases.map((alias) => (
                    <Tag key={alias} style={{ margin: 0 }}>
                      {alias}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                none
              ),
          },
          { key: 'sortOrder', label: t('orgUnits.sortOrder'), children: unit.sortOrder },
          {
            key: 'updatedAt',
            label: t('orgUnits.updatedAt'),
            children: dayjs(unit.updatedAt).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Card>
  )
}
