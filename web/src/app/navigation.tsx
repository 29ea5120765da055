import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
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
  InboxOutlined,
  LineChartOutlined,
  NotificationOutlined,
  PartitionOutlined,
  ProfileOutlined,
  ProjectOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  SoundOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
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

export const MENUS: Record<Audience, MenuEntry[]> = {
  bureau: [
    { path: '/bureau', label: 'menu.workbench', icon: <DashboardOutlined /> },
    {
      path: '/bureau/enterprises',
      label: 'menu.enterprises',
      icon: <BankOutlined />,
      roles: ['staff', 'leader'],
    },
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
      path: '/bureau/stats/high-tech-industry',
      label: 'stats.menu',
      icon: <LineChartOutlined />,
      roles: ['staff', 'leader'],
    },
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
    {
      path: '/bureau/funds',
      label: 'plan.menuFunds',
      icon: <AccountBookOutlined />,
      roles: ['staff', 'leader'],
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

export function menuFor(role: Role): MenuEntry[] {
  return MENUS[ROLE_AUDIENCE[role]].filter((entry) => !entry.roles || entry.roles.includes(role));
}

/** Where a role lands after login. */
export function homePathOf(role: Role): string {
  return `/${ROLE_AUDIENCE[role]}`;
}

export function notificationsPathOf(role: Role): string {
  return `/${ROLE_AUDIENCE[role]}/notifications`;
}
