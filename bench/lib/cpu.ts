import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc's CPU times (USER_HZ). */
const CLK_TCK = (() => {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isFinite(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
})();

interface CpuTimes {
  busy: number;
  total: number;
}

async function readCpuTimes(): Promise<CpuTimes | null> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0]!;
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

/**
 * The share of the machine's CPU time (0–1, all cores) that was busy during `ms`, measured while
 * the benchmark itself is idle: a gauge of other processes (tests, builds) that skew the figures.
 * Null where /proc/stat is unavailable.
 */
export async function backgroundCpuShare(ms = 1000): Promise<number | null> {
  const a = await readCpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = await readCpuTimes();
  if (!a || !b || b.total <= a.total) return null;
  return (b.busy - a.busy) / (b.total - a.total);
}

/** CPU time (user + system) of one process in clock ticks, or null once it has gone. */
async function processTicks(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: fields after its closing parenthesis.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
  } catch {
    return null;
  }
}

export interface CpuUsage {
  /** Share of all CPUs busy over the interval (0–1). */
  machine: number;
  /** Share of all CPUs used by the watched processes (this one and the given children). */
  ours: number;
  /** The rest: other processes (and the kernel work not charged to ours). */
  others: number;
  /** CPU seconds (user + system) of each given child pid over the interval (this process excluded). */
  cpuSec: Record<number, number>;
}

/** Starts measuring; the returned function ends the interval. Null figures where /proc is unavailable. */
export async function cpuMeter(pids: number[]): Promise<() => Promise<CpuUsage | null>> {
  const watched = [process.pid, ...pids];
  const ticks = () => Promise.all(watched.map(processTicks));
  const a = await readCpuTimes();
  const ticksA = await ticks();
  return async () => {
    const b = await readCpuTimes();
    const ticksB = await ticks();
    if (!a || !b || b.total <= a.total) return null;
    const total = b.total - a.total;
    const delta = watched.map((_, i) => (ticksB[i] ?? 0) - (ticksA[i] ?? 0));
    const machine = (b.busy - a.busy) / total;
    const ours = Math.min(machine, delta.reduce((x, y) => x + y, 0) / total);
    const cpuSec: Record<number, number> = {};
    pids.forEach((pid, i) => (cpuSec[pid] = delta[i + 1]! / CLK_TCK));
    return { machine, ours, others: Math.max(0, machine - ours), cpuSec };
  };
}
