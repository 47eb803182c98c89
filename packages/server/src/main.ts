import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { refreshPlannerStatistics } from '@kechuang/db'
import { buildApp } from './app'
import { prepareDatabase } from './bootstrap'
import { loadConfig } from './config'

const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url))
// The embedded database has no autovacuum; its statistics are refreshed by the server instead.
const PGLITE_ANALYZE_INTERVAL_MS = 30 * 60_000
const WEB_PACKAGE_DIR = fileURLToPath(new URL('../../web', import.meta.url))

async function main(): Promise<void> {
  const config = loadConfig()
  if (process.argv.includes('--build-web-if-missing') && !existsSync(`${WEB_DIST_DIR}/index.html`)) {
    console.log('首次启动：正在构建网页（约需一分钟）…')
    const build = spawnSync('npm', ['run', 'build'], { cwd: WEB_PACKAGE_DIR, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('网页构建失败，请查看上面的输出')
  }

  const { database, seeded, admin } = await prepareDatabase(config)
  await refreshPlannerStatistics(database.db)
  const statistics =
    database.kind === 'pglite'
      ? setInterval(
          () => void refreshPlannerStatistics(database.db).catch(() => undefined),
          PGLITE_ANALYZE_INTERVAL_MS,
        )
      : undefined
  const app = await buildApp({ config, database, webDistDir: WEB_DIST_DIR })
  await app.listen({ port: config.port, host: config.host })

  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  const lines = [
    '',
    `科创平台已启动：http://${shownHost}:${config.port}/`,
    database.kind === 'pglite'
      ? `数据库：嵌入式 PostgreSQL（PGlite），数据目录 ${database.location}`
      : `数据库：PostgreSQL ${database.location}`,
  ]
  if (seeded) lines.push('已载入黄石市、大冶市的初始数据。')
  if (admin) {
    lines.push(`管理员账号：${admin.username}`)
    lines.push(
      admin.oneTimePassword
        ? `一次性密码：${admin.oneTimePassword}（只显示这一次，首次登录后须修改）`
        : '管理员密码：KECHUANG_ADMIN_PASSWORD 中设置的密码',
    )
  } else {
    lines.push('管理员账号：已存在（忘记密码可执行 npm run cli -- create-admin 新建一个管理员）')
  }
  console.log(lines.join('\n') + '\n')

  const shutdown = async () => {
    clearInterval(statistics)
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
