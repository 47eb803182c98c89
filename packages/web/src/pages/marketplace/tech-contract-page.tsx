import { Tabs } from 'antd'
import { useState } from 'react'
import { PageContainer } from '../../components/page-container/page-container'
import { t } from '../../i18n/t'
import { TechContractRegistry } from './tech-contract-registry'
import { TechContractTotalsView } from './tech-contract-totals-view'

type ContractTab = 'registry' | 'totals'

/** 技术合同: the registry (合同登记) and 技术合同成交额 by year, region and contract type (成交额统计). */
export function TechContractPage() {
  const [tab, setTab] = useState<ContractTab>('registry')
  return (
    <PageContainer title={t('marketplaceDeals.contracts.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as ContractTab)}
        destroyOnHidden
        items={[
          {
            key: 'registry',
            label: t('marketplaceDeals.contracts.registryTab'),
            children: <TechContractRegistry />,
          },
          {
            key: 'totals',
            label: t('marketplaceDeals.contracts.totalsTab'),
            children: <TechContractTotalsView />,
          },
        ]}
      />
    </PageContainer>
  )
}
