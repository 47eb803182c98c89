import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const TSX = `${REPO_ROOT}node_modules/.bin/tsx`

export function requireServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url)
    throw new Error('integration tests need TEST_DATABASE_URL (see packages/server/integration/README.md)')
  return url
}

/** Creates an empty database on the test server and returns its URL and a function that drops it. */
export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = requireServerUrl()
  const name = `kc_it_${randomBytes(5).toString('hex')}`
  await adminQuery(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export interface ServerProcess {
  baseUrl: string
  output: () => string
  stop: () => Promise<void>
}

/** Starts `src/main.ts` as its own process, as `npm start` would, and waits for /api/health. */
export async function startServer(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const child: ChildProcess = spawn(TSX, ['packages/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited: ${output}`)
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} did not start: ${output}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    baseUrl,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Runs `npm run cli -- …` with the given environment; returns its output or throws with it. */
export function runCli(args: string[], env: Record<string, string>): string {
  const result = spawnSync(TSX, ['packages/server/src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${result.stdout}${result.stderr}`)
  return result.stdout
}

/** A minimal HTTP client with a cookie jar and the CSRF header, like a browser tab. */
export class Browser {
  private cookie = ''
  csrfToken = ''
  constructor(private readonly baseUrl: string) {}

  withBaseUrl(baseUrl: string): Browser {
    const other = new Browser(baseUrl)
    other.cookie = this.cookie
    other.csrfToken = this.csrfToken
    return other
  }

  async login(username: string, password: string): Promise<Response> {
    const response = await this.send('POST', '/api/auth/login', { username, password })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie) this.cookie = setCookie.split(';')[0]!
    if (response.ok) this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken
    return response
  }

  send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {}
    if (this.cookie) headers.cookie = this.cookie
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken
    if (body !== undefined) headers['content-type'] = 'application/json'
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }
}
