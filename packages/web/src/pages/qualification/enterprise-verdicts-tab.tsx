import { RULE_SET_LABELS, type RegisterEvaluation } from '@kechuang/core/qualification'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, DatePicker, Flex, Skeleton, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { enterpriseVerdictsQueryOptions } from './enterprise-verdicts.api'
import { VerdictView } from './verdict-view'

/** The 资格预评价 tab of an enterprise profile: both rule sets on the register's data, with what is assumed. */
export function EnterpriseVerdictsTab({ enterpriseId }: { enterpriseId: string }) {
  const [date, setDate] = useState<string | null>(null)
  const verdicts = useQuery(enterpriseVerdictsQueryOptions(enterpriseId, date))
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('qualification.enterpriseVerdicts.intro')}
      </Typography.Paragraph>
      <Flex gap={8} align="center">
        <span>{t('qualification.enterpriseVerdicts.date')}</span>
        <DatePicker
          allowClear
          value={date ? dayjs(date) : verdicts.data ? dayjs(verdicts.data.evaluationDate) : null}
          onChange={(value) => setDate(value ? value.format('YYYY-MM-DD') : null)}
        />
      </Flex>
      {verdicts.error && <QueryError error={verdicts.error} onRetry={() => void verdicts.refetch()} />}
      {verdicts.isPending && <Skeleton active />}
      {verdicts.data?.evaluations.map((evaluation) => (
        <EvaluationCard key={evaluation.ruleSet} evaluation={evaluation} />
      ))}
    </Flex>
  )
}

function EvaluationCard({ evaluation }: { evaluation: RegisterEvaluation }) {
  return (
    <Card title={RULE_SET_LABELS[evaluation.ruleSet]} size="small">
      {evaluation.verdict ? (
        <VerdictView verdict={evaluation.verdict} assumptions={evaluation.assumptions} />
      ) : (
        <Alert
          type="warning"
          showIcon
          message={t('qualification.enterpriseVerdicts.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {evaluation.problems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  )
}
