import { classifyGoogleError, GoogleCallError, INTERNAL_MESSAGE, type ErrorClass } from '../google/google-errors';

/** SQLSTATE classes and codes of a database that is gone or overloaded (not of a wrong statement). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300|53400)/;

export const DATABASE_UNAVAILABLE_MESSAGE = "The gateway's database did not answer in time (overloaded or restarting); the sync stopped, run it again later";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;

/** A database the gateway could not reach or that is overloaded: a pool timeout, a cut connection, a refused one. */
function databaseUnavailable(err: unknown): boolean {
  if (!isObj(err)) return false;
  if (err.name === 'KnexTimeoutError' || (typeof err.message === 'string' && /^Knex: Timeout acquiring a connection/.test(err.message))) return true;
  if (typeof err.code === 'string' && typeof err.severity === 'string' && UNAVAILABLE_SQLSTATE.test(err.code)) return true;
  return typeof err.message === 'string' && /^(Connection terminated|Client has encountered a connection error)/.test(err.message);
}

/** An error PostgreSQL answered (it carries a SQLSTATE and a severity): a bug of ours, its text is for the log. */
function databaseError(err: unknown): boolean {
  return isObj(err) && typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) && typeof err.severity === 'string';
}

/**
 * What a failure inside a sync job means, in words an admin can act on: Google's errors as
 * classified by src/google, a database that is unavailable, and anything else as an internal
 * error whose details stay in the log (code INTERNAL: the caller logs the error itself).
 */
export function classifyRunError(err: unknown): ErrorClass {
  if (err instanceof GoogleCallError) return err.errorClass;
  if (databaseUnavailable(err)) return { kind: 'fatal', code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, status: null, retryAfterMs: null };
  if (databaseError(err)) return { kind: 'fatal', code: 'INTERNAL', message: INTERNAL_MESSAGE, status: null, retryAfterMs: null };
  return classifyGoogleError(err);
}
