import { z } from 'zod';

/** The printers module's configuration section (environment variables). */
export const printersConfig = z.object({
  /** Largest document submitPrintJob takes, in bytes (BAD_USER_INPUT past it); uploads are streamed, never held whole. */
  // At most 1 GiB: a job's sizeBytes is a GraphQL Int (32 bits).
  PRINT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 ** 3)
    .default(20 * 1024 * 1024),
  /** Deadline of one IPP call (sync, job polling, cancel), in ms. */
  IPP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  /** Deadline of the live read of printer(id, live: true), in ms; past it the stored state comes back with stale: true. */
  PRINTER_LIVE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /** How often the workers ask the printers about open jobs, in ms. */
  PRINT_JOB_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  /** IPP calls in flight at once during a sync (Get-Printer-Attributes per queue). */
  PRINTERS_SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
});

export type PrintersConfig = z.infer<typeof printersConfig>;
