import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { E2E_ADMIN_PASSWORD, E2E_PORT } from './support/platform'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** Starts the whole platform once for all browser journeys, on an empty embedded database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kc-e2e-'))
  const root = new URL('..', import.meta.url).pathname
  const server = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['packages/server/src/main.ts', '--build-web-if-missing'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(E2E_PORT),
        HOST: '127.0.0.1',
        KECHUANG_DATA_DIR: dataDir,
        KECHUANG_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  let output = ''
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const baseUrl = `http://127.0.0.1:${E2E_PORT}`
  const deadline = Date.now() + 240_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`platform exited during start:\n${output}`)
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) throw new Error(`platform did not start within 240 s:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  project.provide('baseUrl', baseUrl)
  return async () => {
    if (server.exitCode === null) {
      process.kill(-server.pid!, 'SIGTERM')
      await new Promise((resolve) => server.once('exit', resolve))
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
}
