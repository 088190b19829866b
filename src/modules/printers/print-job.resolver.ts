import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { moduleConfig } from '../../kernel/module';
import { uuid } from '../../kernel/validate';
import { ConnectionType, type Connection } from '../../schema/connection';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import { PRINT_JOB_UPDATED, type PrintJobUpdatedPayload } from './print-job-events';
import { PrintJob } from './print-job.entity';
import { PrintJobService } from './print-job.service';
import { SubmitPrintJobInput } from './printers.inputs';
import { Printer } from './printer.entity';
import { printersConfig } from './printers.config';

const PrintJobConnection = ConnectionType(PrintJob, 'PrintJob');

/** A PrintJob object from an event (no database read: each transition is shown as it happened). */
function jobOfPayload(p: PrintJobUpdatedPayload): PrintJob {
  const job = Object.create(PrintJob.prototype) as PrintJob;
  Object.assign(job, {
    ...p,
    printer: { id: p.printerId },
    submittedAt: new Date(p.submittedAt),
    finishedAt: p.finishedAt ? new Date(p.finishedAt) : null,
    updatedAt: new Date(p.updatedAt),
  });
  return job;
}

/** One tenant's job events, optionally of one printer. */
async function* jobEvents(ctx: GatewayContext, printerId: string | null): AsyncGenerator<PrintJobUpdatedPayload> {
  const caller = requireCaller(ctx);
  const wanted = printerId ? uuid(printerId, 'printerId') : null;
  const events = ctx.services.pubsub.subscribe(PRINT_JOB_UPDATED, caller.tenant);
  try {
    for await (const event of events) if (!wanted || event.printerId === wanted) yield event;
  } finally {
    await events.return?.();
  }
}

/** Print jobs: submit (multipart upload), cancel, the lists and the live updates. */
@Resolver(() => PrintJob)
export class PrintJobResolver {
  private readonly service: PrintJobService;

  constructor(services: GatewayServices) {
    this.service = new PrintJobService(moduleConfig(services.config.sections, 'printers', printersConfig), services.pubsub);
  }

  @Authorized()
  @Query(() => PrintJobConnection, { description: 'Print jobs, newest first; of one printer or all' })
  printJobs(
    @Ctx() ctx: GatewayContext,
    @Arg('printerId', () => ID, { nullable: true }) printerId: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<PrintJob>> {
    return this.service.list(ctx.em, requireCaller(ctx).tenant, printerId, first, after);
  }

  @Authorized()
  @Query(() => PrintJob)
  printJob(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<PrintJob> {
    return this.service.get(ctx.em, id);
  }

  @Authorized()
  @Mutation(() => PrintJob, {
    description: 'Streams the uploaded document to the printer (IPP Print-Job); send it as a multipart request with the header Apollo-Require-Preflight',
  })
  submitPrintJob(@Ctx() ctx: GatewayContext, @Arg('input', () => SubmitPrintJobInput) input: SubmitPrintJobInput): Promise<PrintJob> {
    return this.service.submit(ctx.em, requireCaller(ctx), input);
  }

  @Authorized()
  @Mutation(() => PrintJob, { description: 'Cancels the job at the printer (IPP Cancel-Job)' })
  cancelPrintJob(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<PrintJob> {
    return this.service.cancel(ctx.em, requireCaller(ctx).tenant, id);
  }

  @Authorized()
  @Subscription(() => PrintJob, {
    description: "Each change of the tenant's print jobs (of one printer when printerId is given)",
    subscribe: ({ args, context }) => jobEvents(context as GatewayContext, (args.printerId as string | null | undefined) ?? null),
  })
  printJobUpdated(@Root() payload: PrintJobUpdatedPayload, @Arg('printerId', () => ID, { nullable: true }) _printerId: string | null): PrintJob {
    return jobOfPayload(payload);
  }

  @FieldResolver(() => Printer)
  async printer(@Ctx() ctx: GatewayContext, @Root() job: PrintJob): Promise<Printer> {
    return (await ctx.loaders.of(Printer).load(job.printer.id))!;
  }
}
