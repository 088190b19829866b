import { gql } from '../../helpers/client';
import type { GoogleTestBed } from '../../helpers/google';

/** Runs a GraphQL operation as the bed's admin and fails loudly on errors. */
export async function adminGql<T>(bed: GoogleTestBed, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql<T>(bed.gw.url, query, { token: bed.admin, variables });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!;
}

export async function setCalendarSettings(bed: GoogleTestBed, input: Record<string, unknown>) {
  return (
    await adminGql<{ updateCalendarSettings: { mode: string; googleScopes: string[] } }>(
      bed,
      'mutation($i: UpdateCalendarSettingsInput!) { updateCalendarSettings(input: $i) { mode aclRole sendNotifications deleteRemovedCalendars googleScopes } }',
      { i: input },
    )
  ).updateCalendarSettings;
}

export interface ConnectionView {
  serviceAccount: { clientEmail: string; clientId: string } | null;
  delegationScopes: string;
}

export async function setServiceAccount(bed: GoogleTestBed, keyJson: string): Promise<ConnectionView> {
  return (
    await adminGql<{ setGoogleServiceAccount: ConnectionView }>(
      bed,
      'mutation($i: SetGoogleServiceAccountInput!) { setGoogleServiceAccount(input: $i) { serviceAccount { clientEmail clientId privateKeyId } delegationScopes } }',
      { i: { keyJson } },
    )
  ).setGoogleServiceAccount;
}

export async function updateEmployee(bed: GoogleTestBed, id: string, input: Record<string, unknown>): Promise<void> {
  await adminGql(bed, 'mutation($id: ID!, $i: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $i) { id } }', { id, i: input });
}

export const eventIdOf = (taskId: string) => taskId.replace(/-/g, '');
