import { Migration } from '@mikro-orm/migrations';

/** A tenant's service account for domain-wide delegation (the private key sealed). */
export class Migration20261206000000_service_account extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "google_service_account" (
      "tenant" varchar(63) not null references "tenant" ("id") on delete cascade,
      "client_email" varchar(320) not null,
      "client_id" varchar(64) not null,
      "private_key_id" varchar(100) null,
      "project_id" varchar(100) null,
      "private_key" text not null,
      "set_at" timestamptz not null,
      "set_by" varchar(255) null,
      constraint "google_service_account_pkey" primary key ("tenant"));`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "google_service_account";');
  }
}
