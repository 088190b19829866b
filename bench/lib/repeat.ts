import { isMeasure, type Figure, type Measure, type Row } from './types';

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A figure's number, or null (text, nothing, NaN). */
function numberOf(f: Figure | undefined): number | null {
  const value = typeof f === 'number' ? f : f !== undefined && isMeasure(f) ? f.value : null;
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * The rows of N runs of a suite as one table: each numeric figure becomes the median of its runs
 * with their spread (min–max), keeping its digits and target (a target is judged on the median);
 * text figures come from the first run that has one. Rows and columns keep their first order.
 */
export function mergeRepeats(runs: Row[][]): Row[] {
  if (runs.length === 1) return runs[0]!;
  const labels: string[] = [];
  for (const rows of runs) for (const r of rows) if (!labels.includes(r.label)) labels.push(r.label);
  return labels.map((label) => {
    const rows = runs.map((rs) => rs.find((r) => r.label === label)).filter((r): r is Row => r !== undefined);
    const columns: string[] = [];
    for (const r of rows) for (const c of Object.keys(r.figures)) if (!columns.includes(c)) columns.push(c);
    const figures: Record<string, Figure> = {};
    for (const column of columns) {
      const values = rows.map((r) => r.figures[column]);
      const numbers = values.map(numberOf).filter((n): n is number => n !== null);
      const first = values.find((v) => v !== undefined && v !== null) ?? null;
      if (!numbers.length || numbers.length < values.filter((v) => v !== undefined && v !== null).length) {
        figures[column] = first;
        continue;
      }
      const sorted = [...numbers].sort((a, b) => a - b);
      const template = values.find((v): v is Measure => v !== undefined && isMeasure(v));
      const digits = template?.digits ?? (numbers.every(Number.isInteger) ? 0 : 2);
      figures[column] = { value: median(sorted), digits, target: template?.target, spread: [sorted[0]!, sorted[sorted.length - 1]!] };
    }
    const notes = [...new Set(rows.flatMap((r) => r.notes ?? []))];
    return { label, figures, notes, details: { runs: rows.length, repeats: rows.map((r) => r.details ?? null) } };
  });
}
