import { useId, useState } from 'react';
import { useI18n } from '../i18n';

/** A multi-select with search: a disclosure with a filter box and a checkbox per option. */
export function MultiSelect({ label, name, options, selected, onChange }: { label: string; name: string; options: { id: string; name: string }[]; selected: string[]; onChange(ids: string[]): void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const id = useId();
  const q = search.trim().toLocaleLowerCase();
  const shown = q ? options.filter((o) => o.name.toLocaleLowerCase().includes(q)) : options;
  const toggle = (value: string) => onChange(selected.includes(value) ? selected.filter((s) => s !== value) : [...selected, value]);
  return (
    <details className="multi" data-filter={name}>
      <summary>
        {label}
        {selected.length ? ` (${selected.length})` : ''}
      </summary>
      <div className="multi-body">
        <input type="search" aria-label={`${label}: ${t('calendar.search')}`} placeholder={t('calendar.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <fieldset>
          <legend className="sr-only">{label}</legend>
          {shown.map((o) => (
            <label key={o.id} htmlFor={`${id}-${o.id}`}>
              <input id={`${id}-${o.id}`} type="checkbox" name={name} value={o.id} checked={selected.includes(o.id)} onChange={() => toggle(o.id)} /> {o.name}
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
