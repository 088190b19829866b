import { Migration } from '@mikro-orm/migrations';

/**
 * Printers, print servers and print jobs. Printers are unique per (tenant, source, source id), the
 * key of the sync's upserts. The poller looks for open jobs whose next poll is due across tenants:
 * a partial index on next_poll_at over open jobs serves it.
 */
export class Migration20261205000000_printers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "print_server" ("id" uuid not null, "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "uri" varchar(2048) not null, "name" varchar(200) not null,
      "source" text not null check ("source" in ('GOOGLE_WORKSPACE', 'PRINT_SERVER')), "source_id" varchar(255) null,
      "last_contact_at" timestamptz null, "last_error" text null, "removed_at" timestamptz null, "created_at" timestamptz not null,
      constraint "print_server_pkey" primary key ("id"));`);
    this.addSql(`create index "print_server_tenant_index" on "print_server" ("tenant");`);
    this.addSql(`create unique index "print_server_tenant_uri_unique" on "print_server" ("tenant", "uri") where "source" = 'PRINT_SERVER';`);
    this.addSql(`create unique index "print_server_tenant_google_unique" on "print_server" ("tenant", "source_id") where "source" = 'GOOGLE_WORKSPACE';`);

    this.addSql(`create table "printer" ("id" uuid not null, "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "display_name" varchar(500) not null, "description" text null, "location" varchar(500) null, "make_and_model" varchar(500) null,
      "uri" varchar(2048) null, "source" text not null check ("source" in ('GOOGLE_WORKSPACE', 'PRINT_SERVER')), "source_id" varchar(1024) not null,
      "print_server_id" uuid null references "print_server" ("id") on delete set null, "org_unit_id" varchar(255) null,
      "state" text not null check ("state" in ('IDLE', 'PROCESSING', 'STOPPED', 'UNKNOWN')), "state_reasons" jsonb not null default '[]',
      "accepting_jobs" boolean not null default false, "capabilities_data" jsonb not null,
      "state_checked_at" timestamptz null, "last_seen_at" timestamptz null, "removed_at" timestamptz null,
      "created_at" timestamptz not null, "updated_at" timestamptz not null,
      constraint "printer_pkey" primary key ("id"));`);
    this.addSql(`create index "printer_tenant_index" on "printer" ("tenant");`);
    this.addSql(`alter table "printer" add constraint "printer_tenant_source_source_id_unique" unique ("tenant", "source", "source_id");`);
    this.addSql(`create index "printer_tenant_name" on "printer" ("tenant", "display_name", "id");`);
    this.addSql(`create index "printer_print_server" on "printer" ("print_server_id");`);

    this.addSql(`create table "print_job" ("id" uuid not null, "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "printer_id" uuid not null references "printer" ("id") on delete restrict,
      "document_name" varchar(255) not null, "format" varchar(100) not null, "size_bytes" int not null default 0, "copies" int not null default 1,
      "submitted_by" varchar(255) not null, "ipp_job_id" int null, "ipp_job_uri" varchar(2048) null,
      "state" text not null check ("state" in ('PENDING', 'HELD', 'PROCESSING', 'COMPLETED', 'ABORTED', 'CANCELED')),
      "state_reasons" jsonb not null default '[]', "state_message" text null,
      "submitted_at" timestamptz not null, "finished_at" timestamptz null, "updated_at" timestamptz not null,
      "next_poll_at" timestamptz null, "poll_lease_until" timestamptz null, "poll_failures" int not null default 0,
      constraint "print_job_pkey" primary key ("id"));`);
    this.addSql(`create index "print_job_tenant_index" on "print_job" ("tenant");`);
    this.addSql(`create index "print_job_printer_submitted" on "print_job" ("tenant", "printer_id", "submitted_at" desc, "id" desc);`);
    this.addSql(`create index "print_job_tenant_submitted" on "print_job" ("tenant", "submitted_at" desc, "id" desc);`);
    this.addSql(`create index "print_job_open_due" on "print_job" ("next_poll_at") where "state" in ('PENDING', 'HELD', 'PROCESSING');`);
  }

  override async down(): Promise<void> {
    for (const t of ['print_job', 'printer', 'print_server']) this.addSql(`drop table if exists "${t}" cascade;`);
  }
}
