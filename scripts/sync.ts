import 'reflect-metadata';
import { registeredModules } from '../src/modules';
import { syncCliMain } from '../src/sync-cli';

syncCliMain(registeredModules);
