import { Migration } from '@mikro-orm/migrations';

/** The sync engine's bookkeeping: runs, item errors, schedules. pg-boss keeps its own schema. */
export class Migration20261125020000_sync_engine extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "sync_run" (
      "id" uuid not null,
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "module" varchar(63) not null,
      "status" text not null check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED')),
      "trigger" text not null check ("trigger" in ('MANUAL', 'SCHEDULE', 'CLI')),
      "full" boolean not null default false,
      "requested_by" varchar(255) null,
      "phase" varchar(63) null,
      "message" text null,
      "total" int not null default 0,
      "processed" int not null default 0,
      "created" int not null default 0,
      "updated" int not null default 0,
      "deleted" int not null default 0,
      "skipped" int not null default 0,
      "failed" int not null default 0,
      "cursor" jsonb null,
      "resumed_count" int not null default 0,
      "cancel_requested" boolean not null default false,
      "error" text null,
      "worker_id" varchar(100) null,
      "heartbeat_at" timestamptz null,
      "created_at" timestamptz not null,
      "started_at" timestamptz null,
      "finished_at" timestamptz null,
      constraint "sync_run_pkey" primary key ("id"));`);
    this.addSql(`create index "sync_run_tenant_module_created_at_index" on "sync_run" ("tenant", "module", "created_at");`);
    this.addSql(`create index "sync_run_tenant_index" on "sync_run" ("tenant");`);
    // At most one run per (tenant, module) is queued or running: the database enforces it.
    this.addSql(`create unique index "sync_run_one_active" on "sync_run" ("tenant", "module") where "status" in ('QUEUED', 'RUNNING');`);
    this.addSql(`create index "sync_run_running_heartbeat" on "sync_run" ("heartbeat_at") where "status" = 'RUNNING';`);

    this.addSql(`create table "sync_item_error" (
      "id" uuid not null,
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "run_id" uuid not null references "sync_run" ("id") on delete cascade,
      "entity_id" varchar(255) not null,
      "code" varchar(100) not null,
      "message" text not null,
      "attempts" int not null default 1,
      "at" timestamptz not null,
      constraint "sync_item_error_pkey" primary key ("id"));`);
    this.addSql(`create index "sync_item_error_run_id_index" on "sync_item_error" ("run_id");`);
    this.addSql(`create index "sync_item_error_tenant_index" on "sync_item_error" ("tenant");`);

    this.addSql(`create table "sync_schedule" (
      "id" uuid not null,
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "module" varchar(63) not null,
      "cron" varchar(120) not null,
      "time_zone" varchar(64) not null,
      "next_run_at" timestamptz not null,
      "last_run_at" timestamptz null,
      "created_by" varchar(255) null,
      constraint "sync_schedule_pkey" primary key ("id"),
      constraint "sync_schedule_tenant_module_unique" unique ("tenant", "module"));`);
    this.addSql(`create index "sync_schedule_next_run_at_index" on "sync_schedule" ("next_run_at");`);
    this.addSql(`create index "sync_schedule_tenant_index" on "sync_schedule" ("tenant");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sync_schedule";`);
    this.addSql(`drop table if exists "sync_item_error";`);
    this.addSql(`drop table if exists "sync_run";`);
  }
}
