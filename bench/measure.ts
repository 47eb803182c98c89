/** Latency percentiles and throughput from a set of request timings. */
export interface LoadResult {
  requests: number
  seconds: number
  requestsPerSecond: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
}

/** The p-th percentile (nearest rank) of timings sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Sends `total` requests with `concurrency` in flight, each through `send`, and times them. */
export async function runLoad(
  total: number,
  concurrency: number,
  send: () => Promise<void>,
): Promise<LoadResult> {
  const timings: number[] = []
  let issued = 0
  const started = performance.now()
  const worker = async () => {
    while (issued < total) {
      issued++
      const t0 = performance.now()
      await send()
      timings.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - started) / 1000
  timings.sort((a, b) => a - b)
  return {
    requests: timings.length,
    seconds,
    requestsPerSecond: timings.length / seconds,
    p50Ms: percentile(timings, 50),
    p95Ms: percentile(timings, 95),
    p99Ms: percentile(timings, 99),
  }
}

export function formatLoad(label: string, result: LoadResult): string {
  return `${label}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms (${result.requests} requests in ${result.seconds.toFixed(1)} s)`
}
