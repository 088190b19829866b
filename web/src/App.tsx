import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Client as WsClient } from 'graphql-ws';
import { Provider, useQuery, useSubscription, type Client } from 'urql';
import { ConsoleCacheResetDocument, ConsoleShellDocument } from '../../operations/generated/graphql';
import { createGraphQLClient, createSocket, errorCode, errorMessage, type AuthLost } from './client';
import { I18nContext, LANGUAGES, initialLanguage, makeI18n, useI18n, type Language, type MessageKey } from './i18n';
import { ADMIN_SCREENS, MODULE_SCREENS, navigate, SCREENS, useScreen, type ScreenName } from './router';
import { clearSession, initialSession, saveSession, type Session } from './session';
import { SignIn, type SignInNotice } from './SignIn';
import { GoogleSetup } from './screens/GoogleSetup';
import { Synchronization } from './screens/Synchronization';
import { Directory } from './screens/Directory';
import { Contacts } from './screens/Contacts';
import { Printers } from './screens/Printers';

// The calendar (and FullCalendar with it) loads only when that screen opens.
const TaskCalendar = lazy(() => import('./screens/TaskCalendar'));

const NAV: Record<ScreenName, MessageKey> = {
  setup: 'nav.setup',
  sync: 'nav.sync',
  calendar: 'nav.calendar',
  directory: 'nav.directory',
  contacts: 'nav.contacts',
  printers: 'nav.printers',
};

export function App() {
  const first = useMemo(initialSession, []);
  const [session, setSession] = useState<Session | null>(first.session);
  const [notice, setNotice] = useState<SignInNotice>(first.rejected);
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [timeZone, setTimeZone] = useState('UTC');
  const i18n = useMemo(() => makeI18n(lang, timeZone), [lang, timeZone]);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('console.lang', lang);
  }, [lang]);

  // The host ERP may hand over a new token on a page that is already open (#token=… again).
  useEffect(() => {
    const onHash = () => {
      if (!new URLSearchParams(window.location.hash.slice(1)).has('token')) return;
      const next = initialSession();
      setSession(next.session);
      setNotice(next.rejected);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const signOut = useCallback((why: AuthLost | null) => {
    clearSession();
    setSession(null);
    setNotice(why);
  }, []);

  const languageSwitch = (
    <label className="lang">
      {i18n.t('app.language')}{' '}
      <select value={lang} onChange={(e) => setLang(e.target.value as Language)} name="language">
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l === 'en' ? 'English' : 'Română'}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <I18nContext.Provider value={i18n}>
      {session ? (
        <SignedIn key={session.token} session={session} onSignOut={signOut} onTimeZone={setTimeZone} languageSwitch={languageSwitch} />
      ) : (
        <>
          <header className="top">
            <strong>{i18n.t('app.title')}</strong>
            {languageSwitch}
          </header>
          <SignIn
            notice={notice}
            onSignIn={(s) => {
              saveSession(s);
              setNotice(null);
              setSession(s);
            }}
          />
        </>
      )}
    </I18nContext.Provider>
  );
}

interface SignedInProps {
  session: Session;
  onSignOut(why: AuthLost | null): void;
  onTimeZone(tz: string): void;
  languageSwitch: React.ReactNode;
}

/** One socket for the session; a fresh urql client (empty cache) after each cacheReset. */
function SignedIn({ session, onSignOut, onTimeZone, languageSwitch }: SignedInProps) {
  const lost = useRef(onSignOut);
  lost.current = onSignOut;
  // A refusal of a token that is past its `exp` is an expiry.
  const onAuthLost = useCallback((why: AuthLost) => lost.current(why === 'refused' && session.expiresAt !== null && session.expiresAt <= Date.now() ? 'expired' : why), [session.expiresAt]);
  // Made and disposed by an effect, so that a remount (React's StrictMode in development) gets a live socket.
  const [socket, setSocket] = useState<WsClient | null>(null);
  useEffect(() => {
    const s = createSocket(session.token, onAuthLost);
    setSocket(s);
    return () => void s.dispose();
  }, [session.token, onAuthLost]);
  const [generation, setGeneration] = useState(0);
  const client = useMemo<Client | null>(() => socket && createGraphQLClient(session.token, socket, onAuthLost), [session.token, socket, onAuthLost, generation]);

  // Back to sign-in the moment the token expires, even if nothing is on the wire.
  useEffect(() => {
    if (session.expiresAt === null) return;
    const timer = setTimeout(() => onAuthLost('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session.expiresAt, onAuthLost]);

  if (!client) return null;
  return (
    <Provider value={client}>
      <Shell onSignOut={() => onSignOut(null)} onAuthLost={onAuthLost} onTimeZone={onTimeZone} onCacheReset={() => setGeneration((g) => g + 1)} languageSwitch={languageSwitch} />
    </Provider>
  );
}

interface ShellProps {
  onSignOut(): void;
  onAuthLost(why: AuthLost): void;
  onTimeZone(tz: string): void;
  onCacheReset(): void;
  languageSwitch: React.ReactNode;
}

function Shell({ onSignOut, onAuthLost, onTimeZone, onCacheReset, languageSwitch }: ShellProps) {
  const { t } = useI18n();
  const screen = useScreen();
  const [{ data, error, fetching }] = useQuery({ query: ConsoleShellDocument });
  const [resetNotice, setResetNotice] = useState(false);
  useSubscription({ query: ConsoleCacheResetDocument, pause: !data }, (_prev, event) => {
    setResetNotice(true);
    onCacheReset();
    return event;
  });

  const code = errorCode(error);
  useEffect(() => {
    if (code === 'UNAUTHENTICATED') onAuthLost('refused');
  }, [code, onAuthLost]);
  const tz = data?.tenant.timeZone;
  useEffect(() => {
    if (tz) onTimeZone(tz);
  }, [tz, onTimeZone]);

  if (!data) return <p className="loading">{error ? t('app.error', { message: errorMessage(error) ?? '' }) : fetching ? t('app.loading') : null}</p>;
  const admin = data.viewer.roles.includes('ADMIN');
  const modules = new Set(data.modules);
  const visible = SCREENS.filter((s) => (admin || !ADMIN_SCREENS.has(s)) && (!MODULE_SCREENS[s] || modules.has(MODULE_SCREENS[s])));
  const current = visible.includes(screen) ? screen : visible.includes('calendar') ? 'calendar' : visible[0];

  return (
    <>
      <header className="top">
        <strong>{t('app.title')}</strong>
        <nav aria-label="Screens">
          {visible.map((s) => (
            <a
              key={s}
              href={`/${s}`}
              aria-current={s === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(s);
              }}
            >
              {t(NAV[s])}
            </a>
          ))}
        </nav>
        <span className="who">
          {t('app.signedInAs', { sub: data.viewer.sub, tenant: data.viewer.tenant })} · {t('app.timeZone', { tz: data.tenant.timeZone })}
        </span>
        {languageSwitch}
        <button type="button" onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </header>
      {resetNotice && (
        <p role="status" className="notice">
          {t('app.cacheReset')}
        </p>
      )}
      <main>
        {current === 'setup' && <GoogleSetup />}
        {current === 'sync' && <Synchronization />}
        {current === 'directory' && <Directory />}
        {current === 'contacts' && <Contacts />}
        {current === 'printers' && <Printers admin={admin} />}
        {current === 'calendar' && (
          <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
            <TaskCalendar />
          </Suspense>
        )}
      </main>
    </>
  );
}
