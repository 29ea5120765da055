import type { ModuleDeps, TypedApp } from '../../core/module';
import { registerApplicationRoutes } from './applications-routes';
import { registerPlanCallRoutes } from './calls-routes';

/** 科技计划 calls and applications: categories, calls, the 申报书, formal check and recommendation. */
export function registerPlanCallModule(app: TypedApp, deps: ModuleDeps): void {
  registerPlanCallRoutes(app, deps);
  registerApplicationRoutes(app, deps);
}
