import { isMeasure, targetMet, type Figure, type Row } from './types';

export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const d = digits ?? (Number.isInteger(value) ? 0 : 2);
  return value.toFixed(d);
}

export function formatTarget(t: { op: '>=' | '<='; value: number }, digits?: number): string {
  return `${t.op === '>=' ? '≥' : '≤'} ${formatNumber(t.value, digits)}`;
}

export function formatFigure(f: Figure): string {
  if (f === null || f === undefined) return '–';
  if (typeof f === 'string') return f;
  if (typeof f === 'number') return formatNumber(f);
  const text = f.spread ? `${formatNumber(f.value, f.digits)} [${formatNumber(f.spread[0], f.digits)}–${formatNumber(f.spread[1], f.digits)}]` : formatNumber(f.value, f.digits);
  if (!f.target) return text;
  const met = targetMet(f);
  return `${text} (target ${formatTarget(f.target, f.digits)} ${met ? '✓' : '✗'})`;
}

function isNumeric(f: Figure): boolean {
  return typeof f === 'number' || isMeasure(f);
}

/** Renders rows as a Markdown-compatible table: label first, then the union of figure columns. */
export function renderTable(rows: Row[], labelHeader = ''): string {
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r.figures)) if (!columns.includes(k)) columns.push(k);
  const header = [labelHeader, ...columns];
  const body = rows.map((r) => [r.label, ...columns.map((c) => formatFigure(r.figures[c] ?? null))]);
  const rightAligned = [false, ...columns.map((c) => rows.some((r) => isNumeric(r.figures[c] ?? null)))];
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((line) => width(line[i]!)), 3));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - width(text));
    return rightAligned[i] ? fill + text : text + fill;
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** Display width (every code point counts as one column, which holds for the symbols used here). */
function width(text: string): number {
  return [...text].length;
}
