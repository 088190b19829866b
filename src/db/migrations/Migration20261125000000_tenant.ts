import { Migration } from '@mikro-orm/migrations';

/** The tenant table that every tenant-scoped row refers to. */
export class Migration20261125000000_tenant extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "tenant" ("id" varchar(63) not null, "created_at" timestamptz not null, constraint "tenant_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tenant" cascade;`);
  }
}
