import { useState, type FormEvent } from 'react';
import { useI18n } from './i18n';
import { isExpired, parseToken, type Session } from './session';

export type SignInNotice = 'expired' | 'refused' | 'invalid' | null;

/** Paste a bearer token; the host ERP may instead open the console with #token=…. */
export function SignIn({ notice, onSignIn }: { notice: SignInNotice; onSignIn(s: Session): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [error, setError] = useState<SignInNotice>(notice);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = parseToken(value);
    if (!s) return setError('invalid');
    if (isExpired(s)) return setError('expired');
    onSignIn(s);
  };
  return (
    <main className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {error && (
        <p role="alert" className="error">
          {t(error === 'expired' ? 'signIn.expired' : error === 'refused' ? 'signIn.refused' : 'signIn.invalid')}
        </p>
      )}
      <form onSubmit={submit}>
        <label>
          {t('signIn.token')}
          <textarea name="token" rows={5} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" spellCheck={false} required />
        </label>
        <button type="submit">{t('signIn.submit')}</button>
      </form>
      <p className="hint">{t('signIn.devHint')}</p>
    </main>
  );
}
