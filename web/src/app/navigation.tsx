import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DiffOutlined,
  DollarOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FormOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  InboxOutlined,
  LineChartOutlined,
  NotificationOutlined,
  PartitionOutlined,
  ProfileOutlined,
  ProjectOutlined,
  RadarChartOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  SoundOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type Audience, ROLE_AUDIENCE, type Role } from '@kechuang/domain';
import type { ReactNode } from 'react';

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

export const MENUS: Record<Audience, MenuNode[]> = {
  bureau: [
    { path: '/bureau', label: 'menu.workbench', icon: <DashboardOutlined /> },
    {
      key: 'enterprises',
      label: 'menu.groupEnterprises',
      icon: <BankOutlined />,
      children: [
        {
          path: '/bureau/enterprises',
          label: 'menu.enterprises',
          icon: <UnorderedListOutlined />,
          roles: ['staff', 'leader'],
        },
      ],
    },
    {
      key: 'cultivation',
      label: 'menu.groupCultivation',
      icon: <RiseOutlined />,
      children: [
        {
          path: '/bureau/cultivation/survey',
          label: 'menu.survey',
          icon: <RadarChartOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/cultivation/hte',
          label: 'hte.menu',
          icon: <TrophyOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/cultivation/tech-sme',
          label: 'registers.menuTechSme',
          icon: <SolutionOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/cultivation/pool',
          label: 'registers.menuPool',
          icon: <InboxOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/cultivation/certificates',
          label: 'registers.menuCertificates',
          icon: <SafetyCertificateOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/cultivation/tiers',
          label: 'registers.menuTiers',
          icon: <TagsOutlined />,
          roles: ['staff', 'leader'],
        },
      ],
    },
    {
      key: 'plan',
      label: 'menu.groupPlan',
      icon: <FundProjectionScreenOutlined />,
      children: [
        {
          path: '/bureau/plan-calls',
          label: 'planCalls.menuCalls',
          icon: <NotificationOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/plan-categories',
          label: 'planCalls.menuCategories',
          icon: <PartitionOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/projects/approval',
          label: 'plan.menuApproval',
          icon: <CheckSquareOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/projects/publicity',
          label: 'plan.menuPublicity',
          icon: <SoundOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/projects',
          label: 'supervision.menuProjects',
          icon: <ProjectOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/project-supervision/overdue-reports',
          label: 'supervision.menuOverdue',
          icon: <AlertOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/project-supervision/changes',
          label: 'supervision.menuChanges',
          icon: <DiffOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/funds',
          label: 'plan.menuFunds',
          icon: <AccountBookOutlined />,
          roles: ['staff', 'leader'],
        },
      ],
    },
    {
      key: 'reviews',
      label: 'menu.groupReviews',
      icon: <AuditOutlined />,
      children: [
        {
          path: '/bureau/reviews/rounds',
          label: 'reviews.menuRounds',
          icon: <FormOutlined />,
          roles: ['staff', 'leader'],
        },
        {
          path: '/bureau/reviews/experts',
          label: 'reviews.menuExperts',
          icon: <UserOutlined />,
          roles: ['staff', 'leader'],
        },
      ],
    },
    {
      key: 'stats',
      label: 'menu.groupStats',
      icon: <BarChartOutlined />,
      children: [
        {
          path: '/bureau/stats/high-tech-industry',
          label: 'stats.menu',
          icon: <LineChartOutlined />,
          roles: ['staff', 'leader'],
        },
      ],
    },
    {
      key: 'observer',
      label: 'menu.groupObserver',
      icon: <ShareAltOutlined />,
      children: [
        {
          path: '/bureau/observer/high-tech',
          label: 'registers.menuObserverHighTech',
          icon: <SafetyCertificateOutlined />,
          roles: ['observer'],
        },
        {
          path: '/bureau/observer/rd-expenses',
          label: 'registers.menuObserverRd',
          icon: <DollarOutlined />,
          roles: ['observer'],
        },
      ],
    },
    { path: '/bureau/notifications', label: 'menu.notifications', icon: <BellOutlined /> },
  ],
  enterprise: [
    { path: '/enterprise', label: 'menu.workbench', icon: <DashboardOutlined /> },
    { path: '/enterprise/profile', label: 'menu.profile', icon: <ProfileOutlined /> },
    { path: '/enterprise/checkup', label: 'menu.checkup', icon: <ExperimentOutlined /> },
    { path: '/enterprise/figures', label: 'menu.figures', icon: <FundOutlined /> },
    { path: '/enterprise/hte', label: 'hte.menuEnterprise', icon: <TrophyOutlined /> },
    { path: '/enterprise/plan-calls', label: 'planCalls.menuOpenCalls', icon: <FormOutlined /> },
    {
      path: '/enterprise/plan-applications',
      label: 'planCalls.menuMyApplications',
      icon: <FileDoneOutlined />,
    },
    { path: '/enterprise/projects', label: 'supervision.menuMyProjects', icon: <ProjectOutlined /> },
    { path: '/enterprise/notifications', label: 'menu.notifications', icon: <BellOutlined /> },
  ],
  expert: [
    { path: '/expert', label: 'reviews.myAssignments', icon: <FormOutlined /> },
    { path: '/expert/notifications', label: 'menu.notifications', icon: <BellOutlined /> },
  ],
  admin: [
    { path: '/admin/users', label: 'menu.users', icon: <TeamOutlined /> },
    { path: '/admin/settings', label: 'menu.settings', icon: <SettingOutlined />, roles: ['sysadmin'] },
    { path: '/admin/calendar', label: 'menu.calendar', icon: <CalendarOutlined />, roles: ['sysadmin'] },
    { path: '/admin/notifications', label: 'menu.notifications', icon: <BellOutlined /> },
  ],
  audit: [
    { path: '/audit', label: 'menu.audit', icon: <AuditOutlined /> },
    { path: '/audit/notifications', label: 'menu.notifications', icon: <BellOutlined /> },
  ],
};

function visibleTo(role: Role) {
  return (entry: MenuEntry) => !entry.roles || entry.roles.includes(role);
}

/**
 * The menu a role sees: entries filtered by role, groups without a visible entry dropped.
 * A role that is left with a single group gets its entries inline — a submenu is only an
 * extra click when the whole menu is a handful of entries (the finance/tax observer).
 */
export function menuFor(role: Role): MenuNode[] {
  const nodes = MENUS[ROLE_AUDIENCE[role]].flatMap((node): MenuNode[] => {
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

/** Where a role lands after login. */
export function homePathOf(role: Role): string {
  return `/${ROLE_AUDIENCE[role]}`;
}

export function notificationsPathOf(role: Role): string {
  return `/${ROLE_AUDIENCE[role]}/notifications`;
}
