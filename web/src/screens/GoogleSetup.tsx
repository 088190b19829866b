import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import {
  ConsoleAuthorizeGoogleDocument,
  ConsoleDisconnectGoogleDocument,
  ConsoleGoogleConnectionChangedDocument,
  ConsoleGoogleSetupDocument,
  ConsoleRequestGoogleAuthorizationDocument,
  ConsoleResetCachesDocument,
  ConsoleSetGoogleCredentialsDocument,
  type ConsoleGoogleConnectionFragment,
} from '../../../operations/generated/graphql';
import { errorMessage, fieldErrors } from '../client';
import { useI18n } from '../i18n';
import { Field, Loading, ScreenError } from './parts';

/** The seed's "Setup Google Apps" window, in its order and words; the connection updates live. */
export function GoogleSetup() {
  const { t, dateTime } = useI18n();
  const [{ data, error }] = useQuery({ query: ConsoleGoogleSetupDocument });
  const [live] = useSubscription({ query: ConsoleGoogleConnectionChangedDocument }, (_prev: ConsoleGoogleConnectionFragment | undefined, event) => event.googleConnectionChanged);
  const [creds, setCreds] = useMutation(ConsoleSetGoogleCredentialsDocument);
  const [request, requestAuthorization] = useMutation(ConsoleRequestGoogleAuthorizationDocument);
  const [authorize, authorizeGoogle] = useMutation(ConsoleAuthorizeGoogleDocument);
  const [, disconnect] = useMutation(ConsoleDisconnectGoogleDocument);
  const [reset, resetCaches] = useMutation(ConsoleResetCachesDocument);

  // Whatever arrived last wins: the query (again after a cache reset), a mutation's answer or a live event.
  const [latest, setLatest] = useState<ConsoleGoogleConnectionFragment | null>(null);
  useEffect(() => {
    if (data) setLatest(data.googleConnection);
  }, [data]);
  useEffect(() => {
    if (live.data) setLatest(live.data);
  }, [live.data]);
  const conn = latest ?? data?.googleConnection;
  const [clientId, setClientId] = useState<string | null>(null);
  const [clientSecret, setClientSecret] = useState('');
  const [code, setCode] = useState('');
  const [state, setState] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);

  if (!conn) return error ? <ScreenError error={error} /> : <Loading />;
  const id = clientId ?? conn.clientId ?? '';
  const stored = conn.status !== 'UNCONFIGURED' && id.trim() === conn.clientId;
  const canRequest = id.trim() !== '' && (clientSecret.trim() !== '' || stored);
  const credErrors = fieldErrors(creds.error);

  const onRequest = async () => {
    // Opened now, inside the click, so that the browser does not block it; pointed at Google below.
    const popup = window.open('about:blank', 'google-consent', 'popup,width=520,height=680');
    setBlocked(null);
    if (clientSecret.trim() !== '') {
      const saved = await setCreds({ input: { clientId: id.trim(), clientSecret: clientSecret.trim() } });
      if (!saved.data) return popup?.close();
      setLatest(saved.data.setGoogleClientCredentials);
      setClientSecret('');
    }
    const res = await requestAuthorization({});
    const req = res.data?.requestGoogleAuthorization;
    if (!req) return popup?.close();
    setState(req.state);
    if (popup && !popup.closed) popup.location.href = req.url;
    else setBlocked(req.url);
  };

  const onAuthorize = async (e: FormEvent) => {
    e.preventDefault();
    if (!state) return;
    const res = await authorizeGoogle({ input: { code: code.trim(), state } });
    if (!res.data) return;
    setLatest(res.data.authorizeGoogle);
    setCode('');
  };

  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <h2>{t('setup.step1')}</h2>
      <form className="form" onSubmit={(e) => void onAuthorize(e)}>
        <Field label={t('setup.clientId')} error={credErrors.clientId}>
          <input name="clientId" value={id} onChange={(e) => setClientId(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label={t('setup.clientSecret')} error={credErrors.clientSecret} hint={stored ? t('setup.secretKept') : undefined}>
          <input name="clientSecret" type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="off" />
        </Field>
        {canRequest && (
          <div>
            <button type="button" onClick={() => void onRequest()} disabled={creds.fetching || request.fetching}>
              {t('setup.requestCode')}
            </button>
            <p className="hint">{t('setup.popupHint')}</p>
          </div>
        )}
        {blocked && (
          <p role="alert" className="error">
            {t('setup.popupBlocked')}{' '}
            <a href={blocked} target="_blank" rel="noreferrer">
              {t('setup.requestCode')}
            </a>
          </p>
        )}
        {!Object.keys(credErrors).length && <ScreenError error={creds.error ?? request.error} />}
        <Field label={t('setup.code')} error={fieldErrors(authorize.error).code ?? errorMessage(authorize.error) ?? undefined}>
          <input name="code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} disabled={!state} />
        </Field>
        <button type="submit" disabled={!state || !code.trim() || authorize.fetching}>
          {t('setup.authorize')}
        </button>
      </form>

      <h2>{t('setup.status')}</h2>
      <dl className="status">
        <dt>{t('setup.status')}</dt>
        <dd data-testid="google-status" data-status={conn.status}>
          {t(`setup.status.${conn.status}`)}
        </dd>
        {conn.authorizedAt && (
          <>
            <dt>{t('setup.status.AUTHORIZED')}</dt>
            <dd>{t('setup.authorizedBy', { who: conn.authorizedBy ?? '—', when: dateTime(conn.authorizedAt) })}</dd>
          </>
        )}
        <dt>{t('setup.granted')}</dt>
        <dd>{conn.grantedScopes.length ? <ScopeList scopes={conn.grantedScopes} /> : t('setup.none')}</dd>
        <dt>{t('setup.missing')}</dt>
        <dd>{conn.missingScopes.length ? <ScopeList scopes={conn.missingScopes} /> : t('setup.none')}</dd>
        {conn.lastError && (
          <>
            <dt>{t('setup.lastError')}</dt>
            <dd>{conn.lastError}</dd>
          </>
        )}
      </dl>
      <div className="actions">
        <button type="button" onClick={() => void disconnect({}).then((r) => r.data && setLatest(r.data.disconnectGoogle))} disabled={conn.status === 'UNCONFIGURED'}>
          {t('setup.disconnect')}
        </button>
        <button type="button" onClick={() => void resetCaches({})} disabled={reset.fetching}>
          {t('setup.resetCaches')}
        </button>
        {reset.data && <span role="status">{t('setup.cachesReset', { when: dateTime(reset.data.resetCaches.at) })}</span>}
      </div>

      <h2>{t('setup.step2')}</h2>
      <p>{t('setup.step2Text')}</p>
    </section>
  );
}

function ScopeList({ scopes }: { scopes: string[] }) {
  return (
    <ul className="scopes">
      {scopes.map((s) => (
        <li key={s}>
          <code>{s}</code>
        </li>
      ))}
    </ul>
  );
}
