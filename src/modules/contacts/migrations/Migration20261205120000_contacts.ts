import { Migration } from '@mikro-orm/migrations';

/**
 * The ERP's shared contacts, their links to Google (one per contact and target) and each tenant's
 * contacts settings.
 *
 * Emails, phone numbers and postal addresses are small bounded lists read and written with their
 * contact: jsonb columns, not tables. The list is ordered by (display_name, id); the sync pages
 * through a tenant's contacts by id. A link row with no google_id is an insert whose outcome is not
 * known yet (sent_at says when it left): it is reconciled against Google before anything is inserted
 * again for that contact.
 */
export class Migration20261205120000_contacts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contact" ("id" uuid not null, "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "given_name" varchar(100) null, "middle_name" varchar(100) null, "family_name" varchar(100) null,
      "display_name" varchar(300) not null, "display_name_set" boolean not null default false,
      "company" varchar(200) null, "job_title" varchar(200) null, "department" varchar(200) null,
      "emails" jsonb not null default '[]', "phone_numbers" jsonb not null default '[]', "addresses" jsonb not null default '[]',
      "website" varchar(1000) null, "notes" text null, "birthday" date null,
      "sync_error" text null, "deleted_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      constraint "contact_pkey" primary key ("id"));`);
    this.addSql(`create index "contact_tenant_index" on "contact" ("tenant");`);
    this.addSql(`create index "contact_tenant_name" on "contact" ("tenant", "display_name", "id") where "deleted_at" is null;`);
    this.addSql(`create index "contact_tenant_id" on "contact" ("tenant", "id");`);

    this.addSql(`create table "contact_sync_link" ("contact_id" uuid not null, "target" text not null check ("target" in ('DOMAIN_SHARED', 'USER_GROUP')),
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "google_id" varchar(1024) null, "etag" varchar(200) null, "content_hash" varchar(64) null,
      "sent_at" timestamptz null, "synced_at" timestamptz null, "seen_run" uuid null,
      constraint "contact_sync_link_pkey" primary key ("contact_id", "target"));`);
    this.addSql(`create index "contact_sync_link_tenant_index" on "contact_sync_link" ("tenant");`);
    this.addSql(`create index "contact_sync_link_pending" on "contact_sync_link" ("tenant", "target") where "google_id" is null;`);
    this.addSql(`create index "contact_sync_link_google_id" on "contact_sync_link" ("tenant", "target", "google_id");`);

    this.addSql(`create table "contacts_settings" ("tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "target" text not null default 'DOMAIN_SHARED' check ("target" in ('DOMAIN_SHARED', 'USER_GROUP')),
      "domain" varchar(253) null, "group_name" varchar(200) null, "default_country" varchar(2) not null default 'RO',
      "group_resource_name" varchar(200) null, "group_etag" varchar(200) null, "group_synced_name" varchar(200) null,
      "updated_at" timestamptz not null default now(), constraint "contacts_settings_pkey" primary key ("tenant"));`);
  }

  override async down(): Promise<void> {
    for (const t of ['contacts_settings', 'contact_sync_link', 'contact']) this.addSql(`drop table if exists "${t}" cascade;`);
  }
}
