import { NEED_STATUS_LABELS, type TechNeedDirectoryQuery } from '@kechuang/core/marketplace'
import type { Database } from '@kechuang/db'
import { chinaDate, chinaYear, chinaYearStart } from '../../china-time'
import type { Actor } from '../audit/actor'
import { marketplaceErrors } from './marketplace.errors'
import { listTechNeedsCreatedBetween, orgUnitName } from './marketplace.repository'
import { toTechNeed } from './marketplace.service'
import { groupNeedsByIndustry, type NeedDirectory } from './need-directory'
import { writeNeedDirectoryDocument } from './need-directory.document'
import { writeNeedDirectoryWorkbook } from './need-directory.workbook'

/** At most this many needs go into one directory; a larger selection is cut and says so. */
export const NEED_DIRECTORY_MAX = 5_000

export interface NeedDirectoryFile {
  fileName: string
  content: Buffer
}

export interface NeedDirectoryService {
  build(actor: Actor, query: TechNeedDirectoryQuery): Promise<NeedDirectory>
  downloadDocument(actor: Actor, query: TechNeedDirectoryQuery): Promise<NeedDirectoryFile>
  downloadWorkbook(actor: Actor, query: TechNeedDirectoryQuery): Promise<NeedDirectoryFile>
}

export function createNeedDirectoryService({
  db,
  now = () => new Date(),
}: {
  db: Database
  now?: () => Date
}): NeedDirectoryService {
  const build: NeedDirectoryService['build'] = async (actor, query) => {
    const today = now()
    const year = query.year ?? chinaYear(today)
    const includeSynthetic = query.includeSynthetic ?? false
    let regionName = '全部地区'
    if (query.orgUnitId) {
      const name = await orgUnitName(db, query.orgUnitId)
      if (name === null) throw marketplaceErrors.REGION_NOT_FOUND({ regionOrgUnitId: query.orgUnitId })
      regionName = name
    }
    const rows = await listTechNeedsCreatedBetween(
      db,
      {
        from: chinaYearStart(year),
        to: chinaYearStart(year + 1),
        status: query.status,
        orgUnitId: query.orgUnitId,
        includeSynthetic,
      },
      NEED_DIRECTORY_MAX + 1,
    )
    const isTruncated = rows.length > NEED_DIRECTORY_MAX
    // The same view a reader gets in the lists: contact phones masked unless the reader may edit the need.
    const needs = rows.slice(0, NEED_DIRECTORY_MAX).map((row) => toTechNeed(actor, row))
    const scope = [
      `${year} 年发布`,
      `地区：${regionName}`,
      `状态：${query.status ? NEED_STATUS_LABELS[query.status] : '全部'}`,
      includeSynthetic ? '含合成数据' : '不含合成数据',
    ].join('；')
    return {
      year,
      scope,
      compiledOn: chinaDate(today),
      total: needs.length,
      truncatedAt: isTruncated ? NEED_DIRECTORY_MAX : null,
      groups: groupNeedsByIndustry(needs),
    }
  }
  const fileName = (year: number, extension: string) => `企业科技需求目录_${year}.${extension}`
  return {
    build,
    async downloadDocument(actor, query) {
      const directory = await build(actor, query)
      return {
        fileName: fileName(directory.year, 'docx'),
        content: await writeNeedDirectoryDocument(directory),
      }
    },
    async downloadWorkbook(actor, query) {
      const directory = await build(actor, query)
      return {
        fileName: fileName(directory.year, 'xlsx'),
        content: await writeNeedDirectoryWorkbook(directory),
      }
    },
  }
}
