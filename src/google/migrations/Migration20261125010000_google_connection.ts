import { Migration } from '@mikro-orm/migrations';

/** A tenant's Google connection (sealed secrets) and its pending authorization requests. */
export class Migration20261125010000_google_connection extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "google_connection" (
      "id" uuid not null,
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "status" text not null check ("status" in ('UNCONFIGURED', 'CREDENTIALS_SET', 'AUTHORIZED', 'REAUTHORIZATION_REQUIRED')),
      "client_id" varchar(255) null,
      "client_secret" text null,
      "refresh_token" text null,
      "access_token" text null,
      "access_token_expires_at" timestamptz null,
      "granted_scopes" text[] not null default '{}',
      "authorized_at" timestamptz null,
      "authorized_by" varchar(255) null,
      "last_refresh_at" timestamptz null,
      "last_error" text null,
      "updated_at" timestamptz not null,
      constraint "google_connection_pkey" primary key ("id"),
      constraint "google_connection_tenant_unique" unique ("tenant"));`);
    this.addSql(`create table "google_oauth_state" (
      "state_hash" varchar(64) not null,
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "requested_by" varchar(255) not null,
      "code_verifier" text not null,
      "scopes" text[] not null,
      "redirect_uri" text not null,
      "client_id" varchar(255) not null,
      "created_at" timestamptz not null,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null,
      constraint "google_oauth_state_pkey" primary key ("state_hash"));`);
    this.addSql(`create index "google_oauth_state_tenant_index" on "google_oauth_state" ("tenant");`);
    this.addSql(`create index "google_oauth_state_expires_at_index" on "google_oauth_state" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "google_oauth_state";`);
    this.addSql(`drop table if exists "google_connection";`);
  }
}
