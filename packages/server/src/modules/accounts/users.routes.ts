import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ResetPasswordInput,
  User,
  UserCreateInput,
  UserIdParams,
  UserPage,
  UserQuery,
  UserUpdateInput,
  UserWithPassword,
} from '@kechuang/core/accounts'
import type { AccountsService } from './accounts.service'

const tags = ['用户管理']

export const usersRoutes: FastifyPluginAsyncZod<{ service: AccountsService }> = async (app, { service }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '用户列表（管辖范围内）',
        querystring: UserQuery,
        response: { 200: UserPage },
      },
      config: { permission: 'users:read' },
    },
    (request) => service.list(request.actor, request.query),
  )
  app.get(
    '/:id',
    {
      schema: { tags, summary: '用户详情', params: UserIdParams, response: { 200: User } },
      config: { permission: 'users:read' },
    },
    (request) => service.get(request.actor, request.params.id),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: '新建用户（未给密码时生成一次性密码）',
        body: UserCreateInput,
        response: { 201: UserWithPassword },
      },
      config: { permission: 'users:write' },
    },
    async (request, reply) => reply.status(201).send(await service.create(request.actor, request.body)),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: '修改用户（姓名、角色、管辖范围、联系方式）',
        params: UserIdParams,
        body: UserUpdateInput,
        response: { 200: User },
      },
      config: { permission: 'users:write' },
    },
    (request) => service.update(request.actor, request.params.id, request.body),
  )
  app.post(
    '/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: UserIdParams,
        body: ResetPasswordInput,
        response: { 200: UserWithPassword },
      },
      config: { permission: 'users:write' },
    },
    (request) => service.resetPassword(request.actor, request.params.id, request.body.password),
  )
  app.post(
    '/:id/lock',
    {
      schema: { tags, summary: '停用（锁定）账号', params: UserIdParams, response: { 200: User } },
      config: { permission: 'users:write' },
    },
    (request) => service.lock(request.actor, request.params.id),
  )
  app.post(
    '/:id/unlock',
    {
      schema: { tags, summary: '启用（解锁）账号', params: UserIdParams, response: { 200: User } },
      config: { permission: 'users:write' },
    },
    (request) => service.unlock(request.actor, request.params.id),
  )
}
