import { Migration } from '@mikro-orm/migrations';

/**
 * How a tenant reaches its employees' calendars (calendar_settings), the calendars the authorized
 * account owns and shares in SHARED_CALENDARS mode (employee_calendar: no foreign key, so that a
 * deleted employee's calendar can still be unshared; owner `*tenant` is the tenant-wide calendar),
 * who wrote each event (task_sync_link.subject), and each task's event in the tenant-wide calendar.
 */
export class Migration20261206000000_calendar_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "calendar_settings" (
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "mode" text not null default 'EMPLOYEE_CALENDARS' check ("mode" in ('DELEGATED', 'SHARED_CALENDARS', 'EMPLOYEE_CALENDARS')),
      "acl_role" text not null default 'writer' check ("acl_role" in ('reader', 'writer')),
      "send_notifications" boolean not null default false,
      "delete_removed_calendars" boolean not null default false,
      "tenant_calendar_group" varchar(320) null,
      "updated_at" timestamptz not null default now(),
      constraint "calendar_settings_pkey" primary key ("tenant"));`);
    this.addSql(`create table "employee_calendar" (
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "owner_key" varchar(64) not null,
      "summary" varchar(300) not null,
      "calendar_id" varchar(1024) null,
      "shared_with" varchar(320) null,
      "acl_role" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "employee_calendar_pkey" primary key ("tenant", "owner_key"));`);
    this.addSql(`alter table "task_sync_link" add column "subject" varchar(320) null;`);
    this.addSql(`create table "task_tenant_link" (
      "task_id" uuid not null,
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "calendar_id" varchar(1024) not null,
      "event_id" varchar(1024) not null,
      "etag" varchar(100) null,
      "content_hash" varchar(64) not null,
      "synced_at" timestamptz not null,
      constraint "task_tenant_link_pkey" primary key ("task_id"));`);
    this.addSql(`create index "task_tenant_link_tenant_index" on "task_tenant_link" ("tenant");`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "task_tenant_link";');
    this.addSql(`alter table "task_sync_link" drop column if exists "subject";`);
    this.addSql('drop table if exists "employee_calendar";');
    this.addSql('drop table if exists "calendar_settings";');
  }
}
