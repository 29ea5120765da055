import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  /** Mean of autocannon's per-second request counts. */
  reqPerSec: number;
  /** Latency percentiles in milliseconds (autocannon's histogram resolution is 1 ms). */
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Runs autocannon against one URL (after a warm-up that is not counted) and keeps the figures we compare. */
export async function load(url: string, options: LoadOptions, headers: Record<string, string> = {}) {
  const result = await autocannon({
    url,
    headers,
    connections: options.connections,
    duration: options.durationSeconds,
    warmup: { connections: options.connections, duration: options.warmupSeconds },
    timeout: 10,
  });
  const summary: LoadResult = {
    reqPerSec: round(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: round(result.latency.average, 2),
    requests: result['2xx'] + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  if (summary.non2xx > 0 || summary.errors > 0)
    throw new Error(`${url}: ${summary.non2xx} non-2xx answers and ${summary.errors} errors during the run`);
  return summary;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
