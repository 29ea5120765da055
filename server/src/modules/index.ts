import type { ModuleManifest } from '../core/module';
import { adminModule } from './admin';
import { auditModule } from './audit';
import { authModule } from './auth';
import { cultivationModule } from './cultivation';
import { dashboardModule } from './dashboard';
import { enterprisesModule } from './enterprises';
import { importsModule } from './imports';
import { notificationsModule } from './notifications';
import { planCallsModule } from './plan-calls';
import { platformsModule } from './platforms';
import { policiesModule } from './policies';
import { projectsModule } from './projects';
import { publicModule } from './public';
import { reportsModule } from './reports';
import { reviewsModule } from './reviews';
import { servicesModule } from './services';
import { statsModule } from './stats';
import { talentModule } from './talent';
import { techTransferModule } from './tech-transfer';
import { workbenchModule } from './workbench';

/**
 * Every module of the platform, in order: routes are registered, demo steps that are ready run and
 * daily jobs run in this order. Adding a module is a folder with an `index.ts` and one line here.
 */
export const MODULES: readonly ModuleManifest[] = [
  publicModule,
  authModule,
  enterprisesModule,
  notificationsModule,
  workbenchModule,
  adminModule,
  auditModule,
  importsModule,
  cultivationModule,
  statsModule,
  planCallsModule,
  reviewsModule,
  projectsModule,
  techTransferModule,
  platformsModule,
  servicesModule,
  talentModule,
  policiesModule,
  dashboardModule,
  reportsModule,
];
