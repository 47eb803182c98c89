import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { EvaluateRequest, RuleSetList, VerdictSchema } from '@kechuang/core/qualification'
import type { EvaluateService } from './evaluate.service'

const tags = ['资格评价']

export const evaluateRoutes: FastifyPluginAsyncZod<{ service: EvaluateService }> = async (
  app,
  { service },
) => {
  app.get(
    '/rule-sets',
    {
      schema: { tags, summary: '评价规则集（版本、依据文件、生效日期）', response: { 200: RuleSetList } },
      config: { permission: 'qualification:self-check' },
    },
    () => service.listRuleSets(),
  )
  app.post(
    '/evaluate',
    {
      schema: {
        tags,
        summary: '按规则集预评价一组企业数据（逐条件说明、差距）；不保存任何数据',
        body: EvaluateRequest,
        response: { 200: VerdictSchema },
      },
      config: { permission: 'qualification:self-check' },
    },
    (request) => service.evaluate(request.body.ruleSet, request.body.input),
  )
}
