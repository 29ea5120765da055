import type { ModuleDeps, TypedApp } from '../../../core/module';
import { registerListingRoutes } from './routes-listings';
import { registerMatchingRecordRoutes } from './routes-matchings';

/** 产学研对接: institutions, needs, results, suggested matches, 对接 records and events. */
export function registerMatchingRoutes(app: TypedApp, deps: ModuleDeps): void {
  registerListingRoutes(app, deps);
  registerMatchingRecordRoutes(app, deps);
}
