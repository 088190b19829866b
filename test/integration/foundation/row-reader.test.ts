import { ref, type EntityClass } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../../src/db/orm';
import { RowReader } from '../../../src/db/row-reader';
import { tenantEntityManager } from '../../../src/kernel/tenant-em';
import { registeredModules } from '../../../src/modules';
import { PrintServer, PrinterSource } from '../../../src/modules/printers/print-server.entity';
import { PrinterState } from '../../../src/modules/printers/printer-state';
import { Printer } from '../../../src/modules/printers/printer.entity';
import { Employee } from '../../../src/modules/tasks/employee.entity';
import { Partner } from '../../../src/modules/tasks/partner.entity';
import { Project } from '../../../src/modules/tasks/project.entity';
import { seedTasks } from '../../../src/modules/tasks/seed';
import { Task } from '../../../src/modules/tasks/task.entity';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

/**
 * The DataLoaders' RowReader (src/db/row-reader.ts) against MikroORM's own hydration: for every
 * entity it reads, every property of every row is the same value, the instances are of the
 * entity's class (its getters work), and another tenant's rows are never read.
 */
let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await createOrm(db.url, registeredModules);
  await seedTasks(db.url, { tenant: 'rr', employees: 6, tasks: 20, from: new Date('2026-01-01T00:00:00Z') });
  await seedTasks(db.url, { tenant: 'rr-other', employees: 2, tasks: 2, from: new Date('2026-01-01T00:00:00Z') });
  const em = tenantEntityManager(orm, 'rr');
  const server = Object.assign(new PrintServer(), { uri: 'ipp://print.example:631', name: 'Office', source: PrinterSource.PRINT_SERVER, lastContactAt: new Date('2026-02-03T04:05:06.789Z') });
  const front = Object.assign(new Printer(), {
    displayName: 'Front desk',
    location: 'Lobby',
    source: PrinterSource.PRINT_SERVER,
    sourceId: 'front',
    state: PrinterState.IDLE,
    stateReasons: ['none', 'media-low'],
    acceptingJobs: true,
    capabilitiesData: { documentFormats: ['application/pdf'], media: ['iso_a4_210x297mm'], color: true, duplex: null, copiesMin: 1, copiesMax: 99 },
    stateCheckedAt: new Date('2026-03-04T05:06:07.123Z'),
  });
  front.printServer = ref(server);
  em.persist([server, front, Object.assign(new Printer(), { displayName: 'Bare', source: PrinterSource.PRINT_SERVER, sourceId: 'bare' })]);
  await em.flush();
});
afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

/** A property's value as compared: instants by time, references by id. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return { instant: value.getTime() };
  if (value && typeof value === 'object' && 'id' in value && !Array.isArray(value)) return { ref: (value as { id: unknown }).id };
  return value;
}

async function readBothWays<T extends { id: string }>(entity: EntityClass<T>): Promise<{ props: string[]; hydrated: T[]; read: T[] }> {
  const em = tenantEntityManager(orm, 'rr');
  const hydrated = (await em.find(entity as EntityClass<{ id: string }>, {}, { orderBy: { id: 'asc' } })) as T[];
  const reader = RowReader.of(em, entity);
  expect(reader, entity.name).not.toBeNull();
  const read = await reader!.byIds(
    tenantEntityManager(orm, 'rr'),
    hydrated.map((e) => e.id),
  );
  read.sort((a, b) => a.id.localeCompare(b.id));
  const props = orm
    .getMetadata()
    .find(entity.name)!
    .props.map((p) => p.name);
  return { props, hydrated, read };
}

describe('RowReader', () => {
  it.each([Employee, Partner, Project, PrintServer, Printer] as EntityClass<{ id: string }>[])('reads %o as MikroORM hydrates it', async (entity) => {
    const { props, hydrated, read } = await readBothWays(entity);
    expect(hydrated.length).toBeGreaterThan(0);
    expect(read).toHaveLength(hydrated.length);
    for (let i = 0; i < hydrated.length; i++) {
      expect(read[i]).toBeInstanceOf(entity);
      const row = read[i] as unknown as Record<string, unknown>;
      const entityValues = hydrated[i] as unknown as Record<string, unknown>;
      for (const prop of props) expect(comparable(row[prop]), `${entity.name}.${prop}`).toEqual(comparable(entityValues[prop]));
    }
  });

  it("an entity's getters work on what it reads", async () => {
    const { read } = await readBothWays(Printer);
    const front = read.find((p) => p.displayName === 'Front desk')!;
    expect(front.capabilities.copiesMax).toBe(99);
    expect(front.stale).toBe(false);
  });

  it("reads only the EntityManager's tenant, and nothing without one", async () => {
    const other = await tenantEntityManager(orm, 'rr-other').find(Employee, {});
    expect(other.length).toBe(2);
    const reader = RowReader.of(orm.em, Employee)!;
    expect(
      await reader.byIds(
        tenantEntityManager(orm, 'rr'),
        other.map((e) => e.id),
      ),
    ).toEqual([]);
    expect(
      await reader.byIds(
        tenantEntityManager(orm, null),
        other.map((e) => e.id),
      ),
    ).toEqual([]);
    expect(
      await reader.byIds(
        tenantEntityManager(orm, 'rr-other'),
        other.map((e) => e.id),
      ),
    ).toHaveLength(2);
  });

  it('leaves to MikroORM the entities it cannot read (a date column)', () => {
    expect(RowReader.of(orm.em, Task)).toBeNull();
  });
});
