import { Migration } from '@mikro-orm/migrations';

/**
 * One employee per email in a tenant, whatever its case (Ana@x.ro and ana@x.ro are one mailbox,
 * one Google calendar). Rows that already break the rule stop the migration with their list:
 * which of two employees is the right one is a person's decision, not the migration's.
 */
export class Migration20261205000000_employee_email_unique extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$
      declare dup text;
      begin
        select string_agg(format('%s in tenant %s', e, t), '; ') into dup
          from (select tenant as t, lower(email) as e from employee group by 1, 2 having count(*) > 1 order by 1, 2 limit 20) d;
        if dup is not null then
          raise exception 'employee emails must be unique per tenant (case-insensitive), and these are used more than once: %. Change or remove the extra employees, then start again.', dup;
        end if;
      end $$;`);
    this.addSql(`create unique index "employee_tenant_email_unique" on "employee" ("tenant", lower("email"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "employee_tenant_email_unique";`);
  }
}
