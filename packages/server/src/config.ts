import { z } from 'zod'

/**
 * Configuration from the environment, with safe defaults (README "Configuration"). Parsed once at start;
 * an invalid value stops the server with a message naming the variable.
 */
// An empty variable (common in .env files and compose files) means "not set".
const optionalSetting = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().min(1).optional(),
)

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KECHUANG_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalSetting,
  KECHUANG_ADMIN_PASSWORD: optionalSetting,
  KECHUANG_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  KECHUANG_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  KECHUANG_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  KECHUANG_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  KECHUANG_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export interface AppConfig {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  adminPassword: string | undefined
  sessionIdleMinutes: number
  sessionMaxHours: number
  cookieSecure: boolean
  /** Login attempts allowed per IP address per minute. */
  loginRateLimitPerMinute: number
  trustProxy: boolean
  logLevel: z.infer<typeof Env>['LOG_LEVEL']
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`环境变量配置有误：${problems}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.KECHUANG_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.KECHUANG_ADMIN_PASSWORD,
    sessionIdleMinutes: e.KECHUANG_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.KECHUANG_SESSION_MAX_HOURS,
    cookieSecure: e.KECHUANG_COOKIE_SECURE === 'true',
    loginRateLimitPerMinute: e.KECHUANG_LOGIN_RATE_LIMIT,
    trustProxy: e.KECHUANG_TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
  }
}

/** Defaults for tests: in-memory database, quiet logs. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({}), dataDir: 'memory', logLevel: 'silent', ...overrides }
}
