import type { TablePaginationConfig } from 'antd'
import { t } from '../../i18n/t'

export interface Paging {
  page: number
  pageSize: number
}

/**
 * The pager of a list the server pages: the page and size the caller keeps, the total of the answer, "共 N 条",
 * a size changer, and the simple pager on a phone.
 */
export function serverPagination(
  paging: Paging,
  total: number | undefined,
  onChange: (paging: Paging) => void,
  isMobile = false,
): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    simple: isMobile,
    showTotal: (count) => t('common.total', { total: count }),
    onChange: (page, pageSize) => onChange({ page, pageSize }),
  }
}
