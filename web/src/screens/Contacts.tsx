import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ConsoleContactsDocument,
  ConsoleCreateContactDocument,
  ConsoleDeleteContactDocument,
  ConsoleUpdateContactDocument,
  ConsoleUpdateContactsSettingsDocument,
  type ConsoleContactFragment,
  type ConsoleContactsQuery,
  type ContactsTarget,
} from '../../../operations/generated/graphql';
import { errorMessage, fieldErrors } from '../client';
import { useI18n } from '../i18n';
import { DataTable, Field, Loading, ScreenError } from './parts';
import { SyncControls } from './Synchronization';
import { useSettled } from './useSettled';

const TARGETS: ContactsTarget[] = ['DOMAIN_SHARED', 'USER_GROUP'];

/** The seed's "Google Shared Contacts" window: the contacts (search, add, edit) and its Status section with "Synchronize". */
export function Contacts() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const settled = useSettled(search.trim());
  const [{ data, error }, refetch] = useQuery({ query: ConsoleContactsDocument, variables: { search: settled || null } });
  const [open, setOpen] = useState<ConsoleContactFragment | 'new' | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <section aria-labelledby="contacts-title">
      <h1 id="contacts-title">{t('contacts.title')}</h1>
      {!data ? (
        error ? (
          <ScreenError error={error} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <Status data={data} onChanged={reload} />
          <h2>{t('contacts.list')}</h2>
          <div className="toolbar">
            <label>
              {t('contacts.search')} <input type="search" name="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <button type="button" className="primary" onClick={() => setOpen('new')}>
              {t('contacts.new')}
            </button>
          </div>
          <ScreenError error={error} />
          <p role="status" data-testid="contact-total">
            {t(data.contacts.pageInfo.hasNextPage ? 'contacts.totalMore' : 'contacts.total', { n: data.contacts.edges.length })}
          </p>
          <DataTable columns={[t('contacts.name'), t('contacts.company'), t('contacts.email'), t('contacts.phone'), t('contacts.syncState')]} actionsLabel={t('contacts.actions')}>
            {data.contacts.edges.map(({ node: c }) => (
              <ContactRow key={c.id} contact={c} onEdit={() => setOpen(c)} />
            ))}
          </DataTable>
        </>
      )}
      {open && (
        <ContactDialog
          contact={open === 'new' ? null : open}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
    </section>
  );
}

function ContactRow({ contact: c, onEdit }: { contact: ConsoleContactFragment; onEdit(): void }) {
  const { t, dateTime } = useI18n();
  const email = c.emails.find((e) => e.primary) ?? c.emails[0];
  const phone = c.phoneNumbers[0];
  const s = c.syncState;
  return (
    <tr data-contact={c.id}>
      <td>{c.displayName}</td>
      <td>{[c.company, c.jobTitle].filter(Boolean).join(' · ')}</td>
      <td>{email?.address}</td>
      <td>{phone ? (phone.e164 ?? phone.number) : ''}</td>
      <td data-sync={s.lastError ? 'error' : s.upToDate ? 'synced' : 'pending'}>
        {s.lastError ? (
          <span className="error">{t('contacts.state.error', { message: s.lastError })}</span>
        ) : s.upToDate ? (
          t('contacts.state.synced', { when: dateTime(s.syncedAt) })
        ) : (
          t('contacts.state.pending')
        )}
      </td>
      <td>
        <button type="button" onClick={onEdit} aria-label={t('contacts.editOf', { name: c.displayName })}>
          {t('contacts.edit')}
        </button>
      </td>
    </tr>
  );
}

/** The Status section: where contacts go (target, domain or group) and "Synchronize Google Shared Contacts". */
function Status({ data, onChanged }: { data: ConsoleContactsQuery; onChanged(): void }) {
  const { t } = useI18n();
  const settings = data.contactsSettings;
  const [form, setForm] = useState(() => ({ target: settings.target, domain: settings.domain ?? '', groupName: settings.groupName, defaultCountry: settings.defaultCountry }));
  const [saved, save] = useMutation(ConsoleUpdateContactsSettingsDocument);
  const errors = fieldErrors(saved.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await save({
      input: { target: form.target, domain: form.domain.trim() || null, groupName: form.groupName.trim() || null, defaultCountry: form.defaultCountry.trim() || null },
    });
    if (!res.error) onChanged();
  };
  return (
    <section className="card" aria-labelledby="contacts-status">
      <h2 id="contacts-status">{t('contacts.status')}</h2>
      <p data-testid="contacts-target">
        {t(`contacts.target.${settings.target}`)}
        {settings.target === 'DOMAIN_SHARED' ? ` · ${settings.domain ?? t('contacts.noDomain')}` : ` · ${settings.groupName}`} · <code>{settings.googleScope}</code>
      </p>
      <SyncControls module="CONTACTS" title={t('contacts.title')} runs={data.syncRuns.edges.map((e) => e.node)} onFinished={onChanged} runLabel={t('contacts.synchronize')} />
      <form className="form inline" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('contacts.target')} error={errors.target}>
          <select name="target" value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value as ContactsTarget })}>
            {TARGETS.map((x) => (
              <option key={x} value={x}>
                {t(`contacts.target.${x}`)}
              </option>
            ))}
          </select>
        </Field>
        {form.target === 'DOMAIN_SHARED' ? (
          <Field label={t('contacts.domain')} error={errors.domain}>
            <input name="domain" value={form.domain} onChange={(e) => setForm({ ...form, domain: e.target.value })} spellCheck={false} />
          </Field>
        ) : (
          <Field label={t('contacts.groupName')} error={errors.groupName}>
            <input name="groupName" value={form.groupName} onChange={(e) => setForm({ ...form, groupName: e.target.value })} />
          </Field>
        )}
        <Field label={t('contacts.defaultCountry')} error={errors.defaultCountry}>
          <input name="defaultCountry" value={form.defaultCountry} maxLength={2} onChange={(e) => setForm({ ...form, defaultCountry: e.target.value.toUpperCase() })} />
        </Field>
        <button type="submit">{t('contacts.saveSettings')}</button>
        {saved.error && !Object.keys(errors).length && (
          <p role="alert" className="error">
            {errorMessage(saved.error)}
          </p>
        )}
      </form>
    </section>
  );
}

/** Add or edit a contact; the API's message appears on the field it names (emails[0].address, …). */
function ContactDialog({ contact, onClose, onSaved }: { contact: ConsoleContactFragment | null; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const primary = contact
    ? Math.max(
        0,
        contact.emails.findIndex((e) => e.primary),
      )
    : 0;
  const [form, setForm] = useState(() => ({
    givenName: contact?.givenName ?? '',
    familyName: contact?.familyName ?? '',
    company: contact?.company ?? '',
    jobTitle: contact?.jobTitle ?? '',
    email: contact?.emails[primary]?.address ?? '',
    phone: contact?.phoneNumbers[0]?.number ?? '',
    notes: contact?.notes ?? '',
  }));
  const [created, create] = useMutation(ConsoleCreateContactDocument);
  const [updated, update] = useMutation(ConsoleUpdateContactDocument);
  const [removed, remove] = useMutation(ConsoleDeleteContactDocument);
  const failure = contact ? (updated.error ?? removed.error) : created.error;
  const errors = fieldErrors(failure);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const orNull = (v: string) => v.trim() || null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The first email and phone are edited here; the others (from the ERP) are kept as they are.
    const otherEmails = (contact?.emails ?? []).filter((_, i) => i !== primary).map(({ address, type }) => ({ address, type, primary: false }));
    const emails = form.email.trim() ? [{ address: form.email.trim(), type: contact?.emails[primary]?.type ?? 'WORK', primary: true }, ...otherEmails] : otherEmails;
    const phones = [
      ...(form.phone.trim() ? [{ number: form.phone.trim(), type: contact?.phoneNumbers[0]?.type ?? 'WORK' }] : []),
      ...(contact?.phoneNumbers.slice(1) ?? []).map(({ number, type }) => ({ number, type })),
    ];
    const input = {
      givenName: orNull(form.givenName),
      familyName: orNull(form.familyName),
      company: orNull(form.company),
      jobTitle: orNull(form.jobTitle),
      notes: orNull(form.notes),
      emails,
      phoneNumbers: phones,
    };
    const res = contact ? await update({ id: contact.id, input }) : await create({ input });
    if (!res.error) onSaved();
  };
  // Messages about the first address or number belong to the fields shown here.
  const emailError = errors[`emails[0].address`] ?? errors.emails;
  const phoneError = errors['phoneNumbers[0].number'] ?? errors.phoneNumbers;

  return (
    <dialog ref={ref} className="task-dialog" aria-labelledby="contact-dialog-title" onClose={onClose} onCancel={onClose}>
      <h2 id="contact-dialog-title">{contact ? t('contacts.editTitle', { name: contact.displayName }) : t('contacts.new')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('contacts.givenName')} error={errors.givenName}>
          <input name="givenName" value={form.givenName} onChange={(e) => set({ givenName: e.target.value })} />
        </Field>
        <Field label={t('contacts.familyName')} error={errors.familyName}>
          <input name="familyName" value={form.familyName} onChange={(e) => set({ familyName: e.target.value })} />
        </Field>
        <Field label={t('contacts.company')} error={errors.company}>
          <input name="company" value={form.company} onChange={(e) => set({ company: e.target.value })} />
        </Field>
        <Field label={t('contacts.jobTitle')} error={errors.jobTitle}>
          <input name="jobTitle" value={form.jobTitle} onChange={(e) => set({ jobTitle: e.target.value })} />
        </Field>
        <Field label={t('contacts.email')} error={emailError}>
          <input type="email" name="email" value={form.email} onChange={(e) => set({ email: e.target.value })} />
        </Field>
        <Field label={t('contacts.phone')} error={phoneError}>
          <input type="tel" name="phone" value={form.phone} onChange={(e) => set({ phone: e.target.value })} />
        </Field>
        <Field label={t('contacts.notes')} error={errors.notes}>
          <textarea name="notes" rows={3} value={form.notes} onChange={(e) => set({ notes: e.target.value })} />
        </Field>
        {failure && !emailError && !phoneError && !Object.keys(errors).some((k) => ['givenName', 'familyName', 'company', 'jobTitle', 'notes'].includes(k)) && (
          <p role="alert" className="error">
            {errorMessage(failure)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={created.fetching || updated.fetching}>
            {contact ? t('task.save') : t('contacts.create')}
          </button>
          {contact && (
            <button type="button" onClick={() => void remove({ id: contact.id }).then((r) => !r.error && onSaved())}>
              {t('task.delete')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('task.close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
