import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';

/** Where a task lives in Google and what was last pushed there (database-only). */
@Entity({ tableName: 'task_sync_link' })
export class TaskSyncLink extends TenantScopedEntity {
  @PrimaryKey({ type: 'uuid' }) taskId!: string;
  @Property({ length: 1024 }) calendarId!: string;
  @Property({ length: 1024 }) eventId!: string;
  /** Who wrote it: the impersonated user (DELEGATED), or null for the tenant's authorized account. */
  @Property({ length: 320, nullable: true }) subject: string | null = null;
  @Property({ length: 100, nullable: true }) etag: string | null = null;
  @Property({ length: 64 }) contentHash!: string;
  @Property({ type: 'timestamptz' }) syncedAt: Date = new Date();
}
