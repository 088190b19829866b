import { gql } from './client';
import type { TestGateway } from './gateway';

/** Creates rows through the GraphQL API, as an admin would, and returns their ids. */
export class TaskFixtures {
  constructor(
    private readonly gw: TestGateway,
    private readonly token: string,
  ) {}

  private async run<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await gql<Record<string, T>>(this.gw.url, query, { token: this.token, variables });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return Object.values(res.body.data!)[0]!;
  }

  async employee(name: string, email = `${name.toLowerCase().replace(/\W+/g, '.')}@acme.test`, calendarId?: string): Promise<string> {
    return (await this.run<{ id: string }>('mutation($i: CreateEmployeeInput!) { createEmployee(input: $i) { id } }', { i: { name, email, calendarId } })).id;
  }

  async partner(name: string): Promise<string> {
    return (await this.run<{ id: string }>('mutation($i: CreatePartnerInput!) { createPartner(input: $i) { id } }', { i: { name } })).id;
  }

  async project(name: string, partnerId?: string): Promise<string> {
    return (await this.run<{ id: string }>('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', { i: { name, partnerId } })).id;
  }

  async task(input: Record<string, unknown>): Promise<string> {
    return (await this.run<{ id: string }>('mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { i: input })).id;
  }
}
