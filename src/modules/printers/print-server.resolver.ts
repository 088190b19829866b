import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import { SyncTrigger } from '../../kernel/sync-job';
import { SyncRun } from '../../sync/sync-run.entity';
import { AddPrintServerInput } from './printers.inputs';
import { PrintServer } from './print-server.entity';
import { PrintServerService } from './print-server.service';

/** Print servers (admins manage them) and the printers sync. */
@Resolver(() => PrintServer)
export class PrintServerResolver {
  private readonly service = new PrintServerService();

  constructor(private readonly services: GatewayServices) {}

  @Authorized()
  @Query(() => [PrintServer], { description: 'Print servers added by admins and those listed in Google Workspace, by name' })
  printServers(@Ctx() ctx: GatewayContext): Promise<PrintServer[]> {
    return this.service.list(ctx.em);
  }

  @Authorized('admin')
  @Mutation(() => PrintServer, { description: 'Adds a CUPS/IPP print server; its queues arrive with the next syncPrinters' })
  addPrintServer(@Ctx() ctx: GatewayContext, @Arg('input', () => AddPrintServerInput) input: AddPrintServerInput): Promise<PrintServer> {
    return this.service.add(ctx.em, input);
  }

  @Authorized('admin')
  @Mutation(() => Boolean, { description: 'Removes a print server an admin added; its printers stay, marked removed' })
  removePrintServer(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return this.service.remove(ctx.em, requireCaller(ctx).tenant, id);
  }

  @Authorized('admin')
  @Mutation(() => SyncRun, { description: 'Imports printers from the print servers and Google Workspace; returns at once (QUEUED), or the run already queued or running' })
  syncPrinters(@Ctx() ctx: GatewayContext): Promise<SyncRun> {
    const caller = requireCaller(ctx);
    return this.services.sync.engine.enqueue({ tenant: caller.tenant, module: 'printers', trigger: SyncTrigger.MANUAL, requestedBy: caller.sub });
  }
}
