/** The value of one sample line (`name{labels} value`) of a Prometheus text, or undefined. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** A gateway's /metrics text. */
export async function scrapeMetrics(origin: string): Promise<string> {
  return (await fetch(`${origin}/metrics`)).text();
}
