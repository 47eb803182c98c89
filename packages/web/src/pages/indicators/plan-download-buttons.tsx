import { DownloadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { t } from '../../i18n/t'
import { planDownloadUrl, type PlanDownload, type PlanViewQuery } from './indicators.api'

const LABEL_KEYS = {
  template: 'plans.downloadTemplate',
  table: 'plans.downloadTable',
  report: 'plans.downloadReport',
} as const

/** Plain links: the server answers with the file and the browser saves it under the server's file name. */
export function PlanDownloadButtons({
  planId,
  query,
  kinds,
}: {
  planId: string
  query: PlanViewQuery
  kinds: readonly PlanDownload[]
}) {
  return kinds.map((kind) => (
    <Button key={kind} icon={<DownloadOutlined />} href={planDownloadUrl(planId, kind, query)} download>
      {t(LABEL_KEYS[kind])}
    </Button>
  ))
}
