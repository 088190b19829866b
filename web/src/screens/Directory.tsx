import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConsoleCreateEmployeeDocument, ConsoleCreatePartnerDocument, ConsoleCreateProjectDocument, ConsoleDirectoryDocument } from '../../../operations/generated/graphql';
import { fieldErrors, errorMessage } from '../client';
import { useI18n } from '../i18n';
import { DataTable, Field, Loading, ScreenError } from './parts';

/** Employees, partners and projects of the tenant (admin), with a form to add each. */
export function Directory() {
  const { t } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: ConsoleDirectoryDocument });
  const [emp, createEmployee] = useMutation(ConsoleCreateEmployeeDocument);
  const [par, createPartner] = useMutation(ConsoleCreatePartnerDocument);
  const [pro, createProject] = useMutation(ConsoleCreateProjectDocument);
  const [employee, setEmployee] = useState({ name: '', email: '' });
  const [partner, setPartner] = useState({ name: '', fiscalCode: '' });
  const [project, setProject] = useState({ name: '', partnerId: '' });
  if (!data) return error ? <ScreenError error={error} /> : <Loading />;
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const yesNo = (b: boolean) => t(b ? 'directory.yes' : 'directory.no');
  const partners = data.partners.edges.map((e) => e.node);

  const addEmployee = async (e: FormEvent) => {
    e.preventDefault();
    const res = await createEmployee({ input: { name: employee.name, email: employee.email } });
    if (res.error) return;
    setEmployee({ name: '', email: '' });
    refresh();
  };
  const addPartner = async (e: FormEvent) => {
    e.preventDefault();
    const res = await createPartner({ input: { name: partner.name, fiscalCode: partner.fiscalCode || null } });
    if (res.error) return;
    setPartner({ name: '', fiscalCode: '' });
    refresh();
  };
  const addProject = async (e: FormEvent) => {
    e.preventDefault();
    const res = await createProject({ input: { name: project.name, partnerId: project.partnerId || null } });
    if (res.error) return;
    setProject({ name: '', partnerId: '' });
    refresh();
  };
  const ee = fieldErrors(emp.error);
  const pe = fieldErrors(par.error);
  const je = fieldErrors(pro.error);

  return (
    <section aria-labelledby="directory-title">
      <h1 id="directory-title">{t('directory.title')}</h1>
      <h2>{t('directory.employees')}</h2>
      <Table
        head={[t('directory.name'), t('directory.email'), t('directory.calendar'), t('directory.active')]}
        rows={data.employees.edges.map(({ node: n }) => [n.id, n.name, n.email, n.calendarId, yesNo(n.active)])}
      />
      <form className="form inline" onSubmit={(e) => void addEmployee(e)} aria-label={`${t('directory.add')}: ${t('directory.employees')}`}>
        <Field label={t('directory.name')} error={ee.name}>
          <input name="employeeName" value={employee.name} onChange={(e) => setEmployee({ ...employee, name: e.target.value })} required />
        </Field>
        <Field label={t('directory.email')} error={ee.email ?? (Object.keys(ee).length ? undefined : (errorMessage(emp.error) ?? undefined))}>
          <input name="employeeEmail" type="email" value={employee.email} onChange={(e) => setEmployee({ ...employee, email: e.target.value })} required />
        </Field>
        <button type="submit">{t('directory.add')}</button>
      </form>

      <h2>{t('directory.partners')}</h2>
      <Table head={[t('directory.name'), t('directory.fiscalCode')]} rows={partners.map((n) => [n.id, n.name, n.fiscalCode ?? '—'])} />
      <form className="form inline" onSubmit={(e) => void addPartner(e)} aria-label={`${t('directory.add')}: ${t('directory.partners')}`}>
        <Field label={t('directory.name')} error={pe.name ?? (Object.keys(pe).length ? undefined : (errorMessage(par.error) ?? undefined))}>
          <input name="partnerName" value={partner.name} onChange={(e) => setPartner({ ...partner, name: e.target.value })} required />
        </Field>
        <Field label={t('directory.fiscalCode')} error={pe.fiscalCode}>
          <input name="partnerFiscalCode" value={partner.fiscalCode} onChange={(e) => setPartner({ ...partner, fiscalCode: e.target.value })} />
        </Field>
        <button type="submit">{t('directory.add')}</button>
      </form>

      <h2>{t('directory.projects')}</h2>
      <Table head={[t('directory.name'), t('directory.partner')]} rows={data.projects.edges.map(({ node: n }) => [n.id, n.name, n.partner?.name ?? '—'])} />
      <form className="form inline" onSubmit={(e) => void addProject(e)} aria-label={`${t('directory.add')}: ${t('directory.projects')}`}>
        <Field label={t('directory.name')} error={je.name ?? (Object.keys(je).length ? undefined : (errorMessage(pro.error) ?? undefined))}>
          <input name="projectName" value={project.name} onChange={(e) => setProject({ ...project, name: e.target.value })} required />
        </Field>
        <Field label={t('directory.partner')} error={je.partnerId}>
          <select name="projectPartner" value={project.partnerId} onChange={(e) => setProject({ ...project, partnerId: e.target.value })}>
            <option value="">—</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{t('directory.add')}</button>
      </form>
    </section>
  );
}

/** rows: [key, ...cells] */
function Table({ head, rows }: { head: string[]; rows: string[][] }) {
  return (
    <DataTable columns={head}>
      {rows.map(([key, ...cells]) => (
        <tr key={key}>
          {cells.map((c, i) => (
            <td key={i}>{c}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
