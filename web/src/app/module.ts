import type { Audience, Role } from '@kechuang/domain';
import type { ComponentType, ReactNode } from 'react';

/** A page loaded on first visit: the file's loader and the name of the component it exports. */
export interface PageRef {
  exportName: string;
  load: () => Promise<ComponentType>;
}

/**
 * A page by its file and export name; the types check that the file exports a component by that
 * name, and the file stays its own chunk because the loader is only called on first visit.
 */
export function lazyPage<TName extends string, TModule extends Record<TName, ComponentType>>(
  load: () => Promise<TModule>,
  exportName: TName,
): PageRef {
  return { exportName, load: async () => (await load())[exportName] };
}

interface RouteBase {
  /** The audience area the route lives in; a top-level route (portal, login…) has none. */
  area?: Audience;
  /**
   * Inside an area: relative to it, '' for the area's home page. Top-level: absolute ('/login').
   */
  path: string;
  /** Roles let in (RequireRoles); everyone the area admits when absent. */
  roles?: readonly Role[];
}

export type ModuleRoute = RouteBase & ({ page: PageRef } | { element: ReactNode });

/** The submenus of the bureau menu; the app shell owns their labels, icons and order. */
export type MenuGroupKey =
  | 'enterprises'
  | 'cultivation'
  | 'plan'
  | 'techTransfer'
  | 'platforms'
  | 'services'
  | 'talent'
  | 'policies'
  | 'reviews'
  | 'stats'
  | 'observer';

export interface ModuleMenuEntry {
  audience: Audience;
  /** The submenu holding the entry; top level when absent. */
  group?: MenuGroupKey;
  /** Position among its siblings (the groups and entries of the top level, or the group's entries). */
  order: number;
  path: string;
  /** i18n key of the label. */
  label: string;
  icon: ReactNode;
  /** Roles that see the entry; all roles of the audience when absent. */
  roles?: readonly Role[];
}

/** A nested catalogue of strings: namespace → key → text (or a nested group). */
export interface Strings {
  [key: string]: string | Strings;
}

export interface WebModule {
  /** The folder name under web/src/modules/. */
  name: string;
  routes: readonly ModuleRoute[];
  menu: readonly ModuleMenuEntry[];
  strings: { zhCN: Strings; en: Strings };
  /** Widgets the shell's header shows for every signed-in user, between the language switch and the user menu. */
  headerItems?: readonly ComponentType[];
  /** Roles that land on one of this module's pages after login instead of their area's home. */
  landing?: readonly { role: Role; path: string }[];
}

/** The URL a route answers on. */
export function fullPathOf(route: RouteBase): string {
  if (!route.area) return route.path;
  return route.path === '' ? `/${route.area}` : `/${route.area}/${route.path}`;
}

/** Every key of a catalogue, dotted ('reviews.modes.online'). */
export function keysOf(strings: Strings, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

/**
 * Refuses a module list that would build a broken app: two routes on one URL, a menu entry
 * leading nowhere, a string in one language only, or two modules claiming one namespace.
 */
export function validateWebModules(modules: readonly WebModule[]): void {
  const routeOwner = new Map<string, string>();
  const landingOwner = new Map<Role, string>();
  for (const module of modules) {
    for (const route of module.routes) {
      const path = fullPathOf(route);
      const owner = routeOwner.get(path);
      if (owner)
        throw new Error(`Module ${module.name}: route ${path} is already declared by module ${owner}`);
      routeOwner.set(path, module.name);
    }
  }
  const namespaceOwner = new Map<string, string>();
  for (const module of modules) {
    for (const entry of module.menu) {
      if (!routeOwner.has(entry.path)) {
        throw new Error(
          `Module ${module.name}: menu entry ${entry.label} leads to ${entry.path}, which no module routes`,
        );
      }
    }
    for (const landing of module.landing ?? []) {
      if (!routeOwner.has(landing.path))
        throw new Error(
          `Module ${module.name}: ${landing.role} lands on ${landing.path}, which no module routes`,
        );
      const owner = landingOwner.get(landing.role);
      if (owner)
        throw new Error(`Module ${module.name}: ${landing.role} already lands on a page of module ${owner}`);
      landingOwner.set(landing.role, module.name);
    }
    for (const namespace of Object.keys(module.strings.zhCN)) {
      const owner = namespaceOwner.get(namespace);
      if (owner)
        throw new Error(
          `Module ${module.name}: strings namespace ${namespace} is already used by module ${owner}`,
        );
      namespaceOwner.set(namespace, module.name);
    }
    const zh = new Set(keysOf(module.strings.zhCN));
    const en = new Set(keysOf(module.strings.en));
    const onlyZh = [...zh].find((key) => !en.has(key));
    if (onlyZh) throw new Error(`Module ${module.name}: string ${onlyZh} has Chinese but no English`);
    const onlyEn = [...en].find((key) => !zh.has(key));
    if (onlyEn) throw new Error(`Module ${module.name}: string ${onlyEn} has English but no Chinese`);
  }
}
