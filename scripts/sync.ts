import 'reflect-metadata';
import { registeredModules } from '../src/modules';
import { syncCliMain } from '../src/sync/sync-cli';

syncCliMain(registeredModules);
