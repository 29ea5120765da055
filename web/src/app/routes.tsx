import type { Audience } from '@kechuang/domain';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { PageLoading, RequireAudience, RequireRoles } from './guards';
import { type ModuleRoute, type PageRef, validateWebModules, type WebModule } from './module';
import { Shell } from './shell';

const AREAS: readonly Audience[] = ['bureau', 'enterprise', 'expert', 'admin', 'audit'];

/** Each page is its own chunk, loaded when its route is first visited. */
function page(ref: PageRef): ReactNode {
  // The export name rides along so the route table can be read back without loading the page.
  const Page = Object.assign(
    lazy(async () => ({ default: await ref.load() })),
    { displayName: ref.exportName },
  );
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

function elementOf(route: ModuleRoute): ReactNode {
  const element = 'page' in route ? page(route.page) : route.element;
  return route.roles ? <RequireRoles roles={route.roles}>{element}</RequireRoles> : element;
}

function routeObject(route: ModuleRoute): RouteObject {
  return route.area && route.path === ''
    ? { index: true, element: elementOf(route) }
    : { path: route.path, element: elementOf(route) };
}

/** The app's routes: top-level pages, then one area per audience behind its guard and the shell. */
export function buildRoutes(modules: readonly WebModule[]): RouteObject[] {
  validateWebModules(modules);
  const routes = modules.flatMap((module) => module.routes);
  return [
    ...routes.filter((route) => !route.area).map(routeObject),
    ...AREAS.map((audience) => ({
      path: `/${audience}`,
      element: (
        <RequireAudience audience={audience}>
          <Shell />
        </RequireAudience>
      ),
      children: routes.filter((route) => route.area === audience).map(routeObject),
    })),
    { path: '*', element: <Navigate to="/" replace /> },
  ];
}
