import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import '@kechuang/core/validation'
import {
  loadSyntheticRegister,
  migrateDatabase,
  restoreBackup,
  writeBackup,
  type DatabaseHandle,
} from '@kechuang/db'
import { SYNTHETIC_SCALES, type SyntheticScaleName } from '@kechuang/core/registers'
import {
  loadSyntheticMarketplace,
  seedDatabase,
  SYNTHETIC_MARKETPLACE_DEFAULTS,
  type SyntheticMarketplaceCounts,
} from '@kechuang/db/seed'
import { openConfiguredDatabase } from '../bootstrap'
import { loadConfig } from '../config'
import { createAuditService } from '../modules/audit/audit.service'
import { createAdmin } from '../modules/accounts/first-admin'
import { ROLES, type Role } from '@kechuang/core/accounts'

const HELP = `用法：npm run cli -- <命令> [选项]

  migrate                          执行数据库迁移
  seed [--force]                   载入黄石市、大冶市初始数据（非空库须加 --force，只补充缺失的数据）
  create-admin --username <名称> [--password <密码>] [--display-name <姓名>] [--role system_admin|bureau_admin]
                                   新建管理员（不给密码时生成一次性密码）
  synthetic --scale county|province [--seed <数字>]
                                   生成合成（SYNTHETIC）创新主体库：county = 大冶市 1 万家企业、3 万件知识产权，
                                   province = 湖北省 50 万家企业、300 万件知识产权（须先 seed；每个库只能生成一次）
  synthetic-marketplace [--results N] [--needs N] [--experts N]
                                   生成合成（SYNTHETIC）科技成果、技术需求和专家（默认 500 / 200 / 100 条；只能生成一次）
  backup <文件>                    把整个数据库备份到一个文件（.jsonl.gz）
  restore <文件>                   把备份恢复到空的数据目录或空的 PostgreSQL 数据库

数据库由环境变量决定：DATABASE_URL（PostgreSQL）或 KECHUANG_DATA_DIR（嵌入式，默认 ./data）。`

/** Synthetic marketplace rows per kind in one run (the whole load is one transaction in memory). */
const SYNTHETIC_MARKETPLACE_MAX = 200_000

type Command = (
  database: DatabaseHandle,
  args: string[],
  options: Record<string, string | boolean | undefined>,
) => Promise<string>

const commands: Record<string, Command> = {
  async migrate() {
    return '数据库迁移已完成'
  },
  async seed(database, _args, options) {
    const result = await seedDatabase(database.db, { force: options.force === true })
    return (
      `已载入初始数据：新增组织机构 ${result.orgUnitsAdded} 个、规划 ${result.plansAdded} 个、` +
      `指标 ${result.indicatorsAdded} 个、指标数值 ${result.observationsAdded} 条、重点任务 ${result.tasksAdded} 项、` +
      `企业 ${result.enterprisesAdded} 家、企业资质 ${result.qualificationsAdded} 条、创新平台 ${result.platformsAdded} 个、` +
      `高校院所 ${result.institutionsAdded} 个、规划方向技术需求 ${result.techNeedsAdded} 条`
    )
  },
  async synthetic(database, _args, options) {
    const scaleName = options.scale
    if (typeof scaleName !== 'string' || !(scaleName in SYNTHETIC_SCALES)) {
      throw new Error('请用 --scale county 或 --scale province 指定规模')
    }
    const seed = options.seed === undefined ? 1 : Number(options.seed)
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new Error(`--seed 须为非负整数：${String(options.seed)}`)
    const scale = SYNTHETIC_SCALES[scaleName as SyntheticScaleName]
    const result = await loadSyntheticRegister(database.db, {
      scale,
      seed,
      onProgress: (loaded, total) => process.stderr.write(`\r已生成企业 ${loaded} / ${total} 家`),
    })
    process.stderr.write('\n')
    const counts: Record<string, number> = {
      enterprises: result.counts.enterprises,
      enterprise_years: result.counts.enterpriseYears,
      qualifications: result.counts.qualifications,
      platforms: result.counts.platforms,
      platform_participants: result.counts.platformParticipants,
      intellectual_property: result.counts.intellectualProperty,
      projects: result.counts.projects,
      talents: result.counts.talents,
    }
    return `已生成合成数据（规模 ${scaleName}，种子 ${seed}），用时 ${(result.elapsedMs / 1000).toFixed(1)} 秒\n${formatCounts(counts)}`
  },
  async 'synthetic-marketplace'(database, _args, options) {
    const count = (name: keyof SyntheticMarketplaceCounts) => {
      const value = options[name]
      if (value === undefined) return SYNTHETIC_MARKETPLACE_DEFAULTS[name]
      const n = Number(value)
      if (!Number.isSafeInteger(n) || n < 0 || n > SYNTHETIC_MARKETPLACE_MAX)
        throw new Error(`--${name} 须为 0 到 ${SYNTHETIC_MARKETPLACE_MAX} 之间的整数：${String(value)}`)
      return n
    }
    const counts = await loadSyntheticMarketplace(database.db, {
      results: count('results'),
      needs: count('needs'),
      experts: count('experts'),
    })
    return `已生成合成数据：科技成果 ${counts.results} 条、技术需求 ${counts.needs} 条、专家 ${counts.experts} 位`
  },
  async 'create-admin'(database, _args, options) {
    const username = typeof options.username === 'string' ? options.username : undefined
    if (!username) throw new Error('请用 --username 指定用户名')
    const role = (typeof options.role === 'string' ? options.role : 'system_admin') as Role
    if (!ROLES.includes(role)) throw new Error(`角色不正确：${role}`)
    const credentials = await createAdmin(database.db, createAuditService({ db: database.db }), {
      username,
      password: typeof options.password === 'string' ? options.password : undefined,
      displayName: typeof options['display-name'] === 'string' ? options['display-name'] : undefined,
      role,
    })
    return credentials.oneTimePassword
      ? `已创建管理员 ${credentials.username}，一次性密码：${credentials.oneTimePassword}（首次登录后须修改）`
      : `已创建管理员 ${credentials.username}`
  },
  async backup(database, args) {
    const file = requireFile(args)
    const summary = await writeBackup(database, file)
    return `已备份到 ${file}\n${formatCounts(summary.tables)}`
  },
  async restore(database, args) {
    const file = requireFile(args)
    const summary = await restoreBackup(database, file)
    await createAuditService({ db: database.db }).record(
      database.db,
      { userId: null, name: '系统（命令行）', ip: null },
      {
        entityType: 'database',
        entityId: null,
        action: 'restore',
        scopePath: null,
        after: { file, tables: summary.tables },
      },
    )
    return `已从 ${file} 恢复\n${formatCounts(summary.tables)}`
  },
}

function requireFile(args: string[]): string {
  if (!args[0]) throw new Error('请给出备份文件路径')
  return resolve(process.env.INIT_CWD ?? process.cwd(), args[0])
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, n]) => `  ${table}: ${n} 行`)
    .join('\n')
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: 'boolean' },
      username: { type: 'string' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      results: { type: 'string' },
      needs: { type: 'string' },
      experts: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [name, ...args] = positionals
  const command = name ? commands[name] : undefined
  if (!command || values.help) {
    console.log(HELP)
    return name && !values.help ? 2 : 0
  }
  const database = await openConfiguredDatabase(loadConfig())
  try {
    await migrateDatabase(database)
    console.log(await command(database, args, values))
    return 0
  } finally {
    await database.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
