import { gql } from './client';
import { waitForRun, type RunView } from './sync';

/** Runs `syncContacts` and waits for the run to end. */
export async function syncContacts(url: string, token: string, full = false, timeoutMs?: number): Promise<RunView> {
  const res = await gql<{ syncContacts: { id: string } }>(url, 'mutation($full: Boolean) { syncContacts(input: { full: $full }) { id } }', { token, variables: { full } });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return waitForRun(url, token, res.body.data!.syncContacts.id, timeoutMs);
}

/** Creates, updates and deletes contacts through the GraphQL API, as an admin would. */
export class ContactFixtures {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  private async run<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await gql<Record<string, T>>(this.url, query, { token: this.token, variables });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return Object.values(res.body.data!)[0]!;
  }

  async create(input: Record<string, unknown>): Promise<string> {
    return (await this.run<{ id: string }>('mutation($i: CreateContactInput!) { createContact(input: $i) { id } }', { i: input })).id;
  }

  async update(id: string, input: Record<string, unknown>): Promise<void> {
    await this.run('mutation($id: ID!, $i: UpdateContactInput!) { updateContact(id: $id, input: $i) { id } }', { id, i: input });
  }

  async delete(id: string): Promise<void> {
    await this.run('mutation($id: ID!) { deleteContact(id: $id) }', { id });
  }

  async settings(input: Record<string, unknown>): Promise<void> {
    await this.run('mutation($i: UpdateContactsSettingsInput!) { updateContactsSettings(input: $i) { target } }', { i: input });
  }
}
