/**
 * The benchmark suite interface. A suite measures something and returns rows of figures; it
 * never asserts. Targets are attached to figures and reported (met / missed), not enforced.
 */

/** A comparison a figure is meant to satisfy, e.g. `{ op: '>=', value: 0.8 }`. */
export interface Target {
  op: '>=' | '<=';
  value: number;
}

/** A number with its display precision and, optionally, its target. */
export interface Measure {
  value: number;
  /** Decimals shown in the table (default: 0 for integers, 2 otherwise). */
  digits?: number;
  target?: Target;
  /** With --repeat: the lowest and highest of the runs (`value` is then their median). */
  spread?: [number, number];
}

/** One cell: a plain number, a number with a target, text, or nothing (shown as "–"). */
export type Figure = number | string | null | Measure;

export interface Row {
  /** First column, e.g. "viewer query". */
  label: string;
  /** Column name → figure; columns appear in insertion order (the union over the suite's rows). */
  figures: Record<string, Figure>;
  /** Remarks printed under the suite's table (e.g. a warning about noisy figures). */
  notes?: string[];
  /** Raw measurements, written to results/latest.json only. */
  details?: Record<string, unknown>;
}

export interface BenchContext {
  /** The repository root (cwd of the gateway). */
  repoRoot: string;
  /** Seconds of each measured load run (BENCH_DURATION, default 10). */
  durationSec: number;
  /** Seconds of the discarded warm-up run before each measured run (BENCH_WARMUP, default 3). */
  warmupSec: number;
  /** Concurrent connections of a load run (BENCH_CONNECTIONS, default 10). */
  connections: number;
  /** Progress on stderr (the tables go to stdout). */
  log(message: string): void;
  /**
   * Registers a clean-up that runs when the suite ends, fails or is interrupted (last registered
   * runs first). Helpers such as startGateway() register their own stop here.
   */
  defer(cleanup: () => Promise<void> | void): void;
}

export interface Suite {
  /** Short kebab-case name, used by `--only`. */
  name: string;
  /** One line printed under the suite's title. */
  description?: string;
  run(ctx: BenchContext): Promise<Row[]>;
}

export function isMeasure(f: Figure): f is Measure {
  return typeof f === 'object' && f !== null;
}

export function targetMet(m: Measure): boolean | null {
  if (!m.target || !Number.isFinite(m.value)) return null;
  return m.target.op === '>=' ? m.value >= m.target.value : m.value <= m.target.value;
}
