import { z } from 'zod';

/** The tasks module's configuration section (environment variables). */
export const tasksConfig = z.object({
  /** Calendar calls in flight at once for one run acting as one Google account; the rate limiter still paces them. */
  GOOGLE_CALENDAR_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** DELEGATED mode: calls in flight at once for one run over every impersonated employee. */
  GOOGLE_CALENDAR_DELEGATED_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** DELEGATED mode: calls in flight at once for one impersonated employee. */
  GOOGLE_CALENDAR_PER_USER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
});
