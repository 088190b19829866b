import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';
import { Printer } from './printer.entity';
import { PrintJobState } from './printer-state';

/** A document sent to a printer through the gateway, followed over IPP until it ends. */
@ObjectType({ description: 'A print job submitted through the gateway' })
@Entity({ tableName: 'print_job' })
export class PrintJob extends TenantScopedEntity {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Printer, { ref: true, deleteRule: 'restrict' }) printer!: Ref<Printer>;
  @Field() @Property({ length: 255 }) documentName!: string;
  @Field({ description: 'MIME type sniffed from the bytes' }) @Property({ length: 100 }) format!: string;
  @Field(() => Int, { description: 'Bytes sent to the printer' }) @Property() sizeBytes: number = 0;
  @Field(() => Int) @Property() copies: number = 1;
  @Field({ description: 'The caller who submitted it (JWT sub)' }) @Property({ length: 255 }) submittedBy!: string;
  @Field(() => Int, { nullable: true, description: "The printer's job-id" }) @Property({ nullable: true }) ippJobId: number | null = null;
  @Property({ length: 2048, nullable: true }) ippJobUri: string | null = null;
  @Field(() => PrintJobState) @Enum({ items: () => PrintJobState }) state: PrintJobState = PrintJobState.PENDING;
  @Field(() => [String], { description: 'IPP job-state-reasons' }) @Property({ type: 'json' }) stateReasons: string[] = [];
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) stateMessage: string | null = null;
  @Field() @Property({ type: 'timestamptz' }) submittedAt: Date = new Date();
  @Field(() => Date, { nullable: true, description: 'When it reached COMPLETED, ABORTED or CANCELED' }) @Property({ type: 'timestamptz', nullable: true }) finishedAt: Date | null = null;
  @Field() @Property({ type: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  /** When the poller asks the printer next (open jobs only). */
  @Property({ type: 'timestamptz', nullable: true }) nextPollAt: Date | null = null;
  /** A worker polling the job holds it until then. */
  @Property({ type: 'timestamptz', nullable: true }) pollLeaseUntil: Date | null = null;
  /** Polls in a row that got no answer. */
  @Property() pollFailures: number = 0;
}
