import type { GatewayModule } from '../../kernel/module';
import { chromePrintersApi } from './chrome-printers-api';
import { printersMigrations } from './migrations';
import { PRINT_JOB_UPDATED } from './print-job-events';
import { printJobPollerWorker } from './print-job-poller';
import { PrintJob } from './print-job.entity';
import { PrintJobResolver } from './print-job.resolver';
import { PrintServer } from './print-server.entity';
import { PrintServerResolver } from './print-server.resolver';
import { Printer } from './printer.entity';
import { PrinterResolver } from './printer.resolver';
import { printersConfig } from './printers.config';
import { printersSync } from './printers-sync.job';

/** Printers from Google Workspace and CUPS/IPP print servers, their live state, and printing to them. */
export const printersModule: GatewayModule = {
  name: 'printers',
  entities: [PrintServer, Printer, PrintJob],
  resolvers: [PrinterResolver, PrintServerResolver, PrintJobResolver],
  migrations: printersMigrations,
  syncJobs: [printersSync],
  googleApis: [chromePrintersApi],
  workers: [printJobPollerWorker],
  topics: [PRINT_JOB_UPDATED],
  config: printersConfig,
};
