import { useId, type ReactElement, type ReactNode, cloneElement } from 'react';
import type { CombinedError } from 'urql';
import { errorMessage } from '../client';
import { useI18n } from '../i18n';

/** A labelled input with its hint and the API's message for that field (extensions.field). */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/** A screen's load error, or "Loading…" while there is neither data nor error. */
export function ScreenError({ error }: { error: CombinedError | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  const code = error.graphQLErrors[0]?.extensions?.code;
  return (
    <p role="alert" className="error">
      {code === 'FORBIDDEN' ? t('app.forbidden') : t('app.error', { message: errorMessage(error) ?? '' })}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="loading">{t('app.loading')}</p>;
}

/**
 * A scrollable table: one header cell per column label, then an actions column (named for screen
 * readers only) when `actionsLabel` is given; the rows are the children.
 */
export function DataTable({ columns, actionsLabel, children }: { columns: string[]; actionsLabel?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
            {actionsLabel !== undefined && (
              <th scope="col">
                <span className="sr-only">{actionsLabel}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
