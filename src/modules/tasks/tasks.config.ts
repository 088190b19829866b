import { z } from 'zod';

/** The tasks module's configuration section (environment variables). */
export const tasksConfig = z.object({
  /** Calendar calls in flight at once for one run; the rate limiter still paces them. */
  GOOGLE_CALENDAR_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
});
