import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  PlanIdParams,
  TaskIdParams,
  TaskList,
  TaskProgressInput,
  TaskProgressList,
  TaskProgressQuery,
  TaskProgressReport,
} from '@kechuang/core/indicators'
import type { TasksService } from './tasks.service'

const tags = ['重点任务']

export const tasksRoutes: FastifyPluginAsyncZod<{ service: TasksService }> = async (app, { service }) => {
  app.get(
    '/plans/:planId/tasks',
    {
      schema: {
        tags,
        summary: '规划的重点任务及管辖范围内各责任单位的进展（含逾期、缺报）',
        params: PlanIdParams,
        response: { 200: TaskList },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.listTasks(request.actor, request.params.planId),
  )
  app.get(
    '/tasks/:taskId/progress',
    {
      schema: {
        tags,
        summary: '任务的全部进展报告（新的在前）',
        params: TaskIdParams,
        querystring: TaskProgressQuery,
        response: { 200: TaskProgressList },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.listProgress(request.actor, request.params.taskId, request.query),
  )
  app.post(
    '/tasks/:taskId/progress',
    {
      schema: {
        tags,
        summary: '责任单位报告任务进展',
        params: TaskIdParams,
        body: TaskProgressInput,
        response: { 201: TaskProgressReport },
      },
      config: { permission: 'tasks:report' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.reportProgress(request.actor, request.params.taskId, request.body)),
  )
}
