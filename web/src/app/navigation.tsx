import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  ExperimentOutlined,
  FundProjectionScreenOutlined,
  NodeIndexOutlined,
  ReadOutlined,
  RiseOutlined,
  ShareAltOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { type Audience, ROLE_AUDIENCE, type Role } from '@kechuang/domain';
import type { ReactNode } from 'react';
import type { MenuGroupKey, ModuleMenuEntry, WebModule } from './module';
import { registeredWebModules } from './module-registry';

export interface MenuEntry {
  path: string;
  /** i18n key of the label. */
  label: string;
  icon: ReactNode;
  /** Roles that see the entry; all roles of the audience when absent. */
  roles?: readonly Role[];
}

/** A submenu: shown only when the role sees at least one of its entries. */
export interface MenuGroup {
  key: string;
  /** i18n key of the label. */
  label: string;
  icon: ReactNode;
  children: MenuEntry[];
}

export type MenuNode = MenuEntry | MenuGroup;

export function isMenuGroup(node: MenuNode): node is MenuGroup {
  return 'children' in node;
}

/** The submenus of the bureau menu, placed among the top-level entries by their order number. */
const MENU_GROUPS: Record<MenuGroupKey, { label: string; icon: ReactNode; order: number }> = {
  enterprises: { label: 'menu.groupEnterprises', icon: <BankOutlined />, order: 20 },
  cultivation: { label: 'menu.groupCultivation', icon: <RiseOutlined />, order: 30 },
  plan: { label: 'menu.groupPlan', icon: <FundProjectionScreenOutlined />, order: 40 },
  techTransfer: { label: 'menu.groupTechTransfer', icon: <NodeIndexOutlined />, order: 45 },
  platforms: { label: 'menu.groupPlatforms', icon: <ExperimentOutlined />, order: 47 },
  services: { label: 'menu.groupServices', icon: <CustomerServiceOutlined />, order: 49.5 },
  talent: { label: 'menu.groupTalent', icon: <SolutionOutlined />, order: 48 },
  policies: { label: 'menu.groupPolicies', icon: <ReadOutlined />, order: 49 },
  reviews: { label: 'menu.groupReviews', icon: <AuditOutlined />, order: 50 },
  stats: { label: 'menu.groupStats', icon: <BarChartOutlined />, order: 60 },
  observer: { label: 'menu.groupObserver', icon: <ShareAltOutlined />, order: 70 },
};

const AUDIENCES: readonly Audience[] = ['bureau', 'enterprise', 'expert', 'admin', 'audit'];

function byOrder(a: { order: number }, b: { order: number }): number {
  return a.order - b.order;
}

function toEntry({ path, label, icon, roles }: ModuleMenuEntry): MenuEntry {
  return { path, label, icon, roles };
}

/** The full menu of every audience, from the entries the modules declare, before filtering by role. */
export function buildMenus(modules: readonly WebModule[]): Record<Audience, MenuNode[]> {
  const entries = modules.flatMap((module) => module.menu);
  const menuOf = (audience: Audience): MenuNode[] => {
    const own = entries.filter((entry) => entry.audience === audience);
    const groups = (Object.keys(MENU_GROUPS) as MenuGroupKey[]).flatMap((key) => {
      const children = own.filter((entry) => entry.group === key).sort(byOrder);
      if (children.length === 0) return [];
      const { label, icon, order } = MENU_GROUPS[key];
      const group: MenuGroup = { key, label, icon, children: children.map(toEntry) };
      return [{ order, node: group }];
    });
    const topLevel = own
      .filter((entry) => !entry.group)
      .map((entry): { order: number; node: MenuNode } => ({ order: entry.order, node: toEntry(entry) }));
    return [...groups, ...topLevel].sort(byOrder).map(({ node }) => node);
  };
  return Object.fromEntries(AUDIENCES.map((audience) => [audience, menuOf(audience)])) as Record<
    Audience,
    MenuNode[]
  >;
}

let menus: { modules: readonly WebModule[]; built: Record<Audience, MenuNode[]> } | undefined;

/** The menus of the registered modules, built once per registered list. */
function appMenus(): Record<Audience, MenuNode[]> {
  const modules = registeredWebModules();
  if (menus?.modules !== modules) menus = { modules, built: buildMenus(modules) };
  return menus.built;
}

function visibleTo(role: Role) {
  return (entry: MenuEntry) => !entry.roles || entry.roles.includes(role);
}

/**
 * The menu a role sees: entries filtered by role, groups without a visible entry dropped.
 * A role that is left with a single group gets its entries inline — a submenu is only an
 * extra click when the whole menu is a handful of entries (the finance/tax observer).
 */
export function menuFor(role: Role): MenuNode[] {
  const nodes = appMenus()[ROLE_AUDIENCE[role]].flatMap((node): MenuNode[] => {
    if (!isMenuGroup(node)) return visibleTo(role)(node) ? [node] : [];
    const children = node.children.filter(visibleTo(role));
    return children.length > 0 ? [{ ...node, children }] : [];
  });
  if (nodes.filter(isMenuGroup).length !== 1) return nodes;
  return nodes.flatMap((node) => (isMenuGroup(node) ? node.children : [node]));
}

/** Every entry of a menu, groups opened up, in menu order. */
export function menuEntries(nodes: MenuNode[]): MenuEntry[] {
  return nodes.flatMap((node) => (isMenuGroup(node) ? node.children : [node]));
}

/** The group holding the entry with the given path, if the entry sits in one. */
export function menuGroupOf(nodes: MenuNode[], path: string | undefined): MenuGroup | undefined {
  return nodes.filter(isMenuGroup).find((group) => group.children.some((entry) => entry.path === path));
}

/** Where a role lands after login: a page a module declares for it (the leader's 驾驶舱), else its area's home. */
export function homePathOf(role: Role): string {
  for (const module of registeredWebModules()) {
    const landing = module.landing?.find((item) => item.role === role);
    if (landing) return landing.path;
  }
  return `/${ROLE_AUDIENCE[role]}`;
}

export function notificationsPathOf(role: Role): string {
  return `/${ROLE_AUDIENCE[role]}/notifications`;
}
