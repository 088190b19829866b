import { Migration } from '@mikro-orm/migrations';

/**
 * Employees, partners, projects, tasks and their Google sync links, plus the tenant's time zone.
 *
 * Index choice: the calendar asks "which tasks of this tenant overlap [from, to)", optionally by
 * employee, partner or project. A GiST index over (tenant, tstzrange(range_start, range_end))
 * answers overlap (&&) directly, whatever a task's length — a btree on (tenant, starts_at) would
 * need an upper bound on task length to stop scanning. btree_gist lets the tenant column sit in
 * the same GiST index. Btree indexes on (tenant, employee/partner/project, range_start) serve the
 * filtered calendars and the task list's (range_start, id) order.
 */
export class Migration20261125030000_tasks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`alter table "tenant" add column "time_zone" varchar(64) not null default 'Europe/Bucharest';`);

    this.addSql(`create table "employee" ("id" uuid not null, "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "name" varchar(200) not null, "email" varchar(320) not null, "calendar_id" varchar(1024) not null, "active" boolean not null default true,
      "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "employee_pkey" primary key ("id"));`);
    this.addSql(`create index "employee_tenant_name_index" on "employee" ("tenant", "name");`);
    this.addSql(`create index "employee_tenant_index" on "employee" ("tenant");`);

    this.addSql(`create table "partner" ("id" uuid not null, "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "name" varchar(200) not null, "fiscal_code" varchar(32) null, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      constraint "partner_pkey" primary key ("id"));`);
    this.addSql(`create index "partner_tenant_name_index" on "partner" ("tenant", "name");`);
    this.addSql(`create index "partner_tenant_index" on "partner" ("tenant");`);

    this.addSql(`create table "project" ("id" uuid not null, "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "name" varchar(200) not null, "partner_id" uuid null references "partner" ("id") on delete restrict,
      "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "project_pkey" primary key ("id"));`);
    this.addSql(`create index "project_tenant_name_index" on "project" ("tenant", "name");`);
    this.addSql(`create index "project_tenant_index" on "project" ("tenant");`);

    this.addSql(`create table "task" ("id" uuid not null, "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "title" varchar(500) not null, "description" text null, "location" varchar(1000) null,
      "employee_id" uuid not null references "employee" ("id") on delete restrict,
      "partner_id" uuid null references "partner" ("id") on delete restrict,
      "project_id" uuid null references "project" ("id") on delete restrict,
      "starts_at" timestamptz null, "ends_at" timestamptz null, "start_date" date null, "end_date" date null,
      "status" text not null check ("status" in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
      "range_start" timestamptz not null, "range_end" timestamptz not null, "deleted_at" timestamptz null,
      "created_at" timestamptz not null, "updated_at" timestamptz not null,
      constraint "task_pkey" primary key ("id"),
      constraint "task_timed_or_all_day" check (("starts_at" is not null and "ends_at" is not null and "start_date" is null and "end_date" is null)
        or ("starts_at" is null and "ends_at" is null and "start_date" is not null and "end_date" is not null)),
      constraint "task_range_order" check ("range_end" > "range_start"));`);
    this.addSql(`create index "task_tenant_index" on "task" ("tenant");`);
    this.addSql(`create index "task_overlap" on "task" using gist ("tenant", tstzrange("range_start", "range_end")) where "deleted_at" is null;`);
    this.addSql(`create index "task_tenant_start" on "task" ("tenant", "range_start", "id") where "deleted_at" is null;`);
    this.addSql(`create index "task_tenant_employee_start" on "task" ("tenant", "employee_id", "range_start") where "deleted_at" is null;`);
    this.addSql(`create index "task_tenant_partner_start" on "task" ("tenant", "partner_id", "range_start") where "deleted_at" is null;`);
    this.addSql(`create index "task_tenant_project_start" on "task" ("tenant", "project_id", "range_start") where "deleted_at" is null;`);
    this.addSql(`create index "task_tombstones" on "task" ("tenant") where "deleted_at" is not null;`);

    this.addSql(`create table "task_sync_link" ("task_id" uuid not null, "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "calendar_id" varchar(1024) not null, "event_id" varchar(1024) not null, "etag" varchar(100) null, "content_hash" varchar(64) not null,
      "synced_at" timestamptz not null, constraint "task_sync_link_pkey" primary key ("task_id"));`);
    this.addSql(`create index "task_sync_link_tenant_index" on "task_sync_link" ("tenant");`);
  }

  override async down(): Promise<void> {
    for (const t of ['task_sync_link', 'task', 'project', 'partner', 'employee']) this.addSql(`drop table if exists "${t}" cascade;`);
    this.addSql(`alter table "tenant" drop column if exists "time_zone";`);
  }
}
