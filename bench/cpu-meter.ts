// CPU time spent by each side of a benchmark, read from Linux's /proc: the server (this process,
// less the load generator's thread), PostgreSQL (every process of the local server) and Redis. On a
// machine where all of them share the cores, a rate only says how the total divides; CPU per
// operation says what each operation costs and where. Without /proc (not Linux) it reads nothing.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTimes {
  server: number;
  postgres: number;
  redis: number;
}

// Clock ticks per second: 100 on every Linux this runs on (USER_HZ is fixed by the kernel ABI).
const TICK_MS = 10;

function ticksOf(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  // Fields after the command name, which may itself hold spaces: utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const readable = (() => {
  try {
    readFileSync('/proc/self/stat', 'utf8');
    return true;
  } catch {
    return false;
  }
})();

/**
 * CPU milliseconds used so far, by side. `server` is this whole process (exited threads included);
 * take away what the load generator reports of its own thread (`threadCpuMs`).
 */
export function cpuTimes(): CpuTimes | null {
  if (!readable) return null;
  const out: CpuTimes = { server: ticksOf('/proc/self/stat') * TICK_MS, postgres: 0, redis: 0 };
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const side = comm.startsWith('postgres') ? 'postgres' : comm.startsWith('redis') ? 'redis' : null;
      if (side) out[side] += ticksOf(`/proc/${pid}/stat`) * TICK_MS;
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

/** Source for a worker thread: a function `threadCpuMs()` giving the thread's own CPU milliseconds (0 off Linux). */
export const THREAD_CPU_SOURCE = `
function threadCpuMs() {
  try {
    const stat = require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * ${TICK_MS};
  } catch { return 0; }
}`;

/** CPU spent between two readings, the load generator's own thread taken out of the server's share. */
export function cpuSpent(before: CpuTimes | null, after: CpuTimes | null, loadGeneratorMs: number): CpuTimes | null {
  if (!before || !after) return null;
  return {
    server: after.server - before.server - loadGeneratorMs,
    postgres: after.postgres - before.postgres,
    redis: after.redis - before.redis,
  };
}

/** Adds CPU spent in several phases; null as soon as one could not be read. */
export const addCpu = (a: CpuTimes | null, b: CpuTimes | null): CpuTimes | null =>
  a && b ? { server: a.server + b.server, postgres: a.postgres + b.postgres, redis: a.redis + b.redis } : null;

export const totalCpu = (c: CpuTimes) => c.server + c.postgres + c.redis;

/** CPU per operation, as "server 1.20 + PostgreSQL 0.80 + Redis 0.02 = 2.02 ms". */
export function describePerOperation(c: CpuTimes, operations: number): string {
  const per = (ms: number) => (ms / Math.max(1, operations)).toFixed(2);
  return `server ${per(c.server)} + PostgreSQL ${per(c.postgres)} + Redis ${per(c.redis)} = ${per(totalCpu(c))} ms`;
}
