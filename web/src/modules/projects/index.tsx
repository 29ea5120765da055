import {
  AccountBookOutlined,
  AlertOutlined,
  CheckSquareOutlined,
  DiffOutlined,
  ProjectOutlined,
  SoundOutlined,
} from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { PlanProjectsRedirect } from './plan-projects-redirect';
import { projectsStrings } from './strings';

const STAFF = ['staff', 'leader'] as const;

const projectListPage = lazyPage(
  () => import('./supervision/project-list-page'),
  'SupervisionProjectListPage',
);
const projectDetailPage = lazyPage(() => import('./project-detail-page'), 'ProjectDetailPage');

export const projectsModule: WebModule = {
  name: 'projects',
  routes: [
    { path: '/publicity', page: lazyPage(() => import('./portal-publicity'), 'PublicityPortalPage') },
    { area: 'bureau', path: 'projects', roles: STAFF, page: projectListPage },
    { area: 'bureau', path: 'projects/:id', roles: STAFF, page: projectDetailPage },
    {
      area: 'bureau',
      path: 'project-supervision/overdue-reports',
      roles: STAFF,
      page: lazyPage(() => import('./supervision/overdue-reports-page'), 'OverdueReportsPage'),
    },
    {
      area: 'bureau',
      path: 'project-supervision/changes',
      roles: STAFF,
      page: lazyPage(() => import('./supervision/change-queue-page'), 'ChangeQueuePage'),
    },
    {
      area: 'bureau',
      path: 'projects/approval',
      roles: STAFF,
      page: lazyPage(() => import('./approval-page'), 'ApprovalPage'),
    },
    {
      area: 'bureau',
      path: 'projects/publicity',
      roles: STAFF,
      page: lazyPage(() => import('./publicity-page'), 'PublicityPage'),
    },
    { area: 'bureau', path: 'plan-projects', element: <PlanProjectsRedirect base="/bureau/projects" /> },
    {
      area: 'bureau',
      path: 'funds',
      roles: STAFF,
      page: lazyPage(() => import('./funds-page'), 'FundsPage'),
    },
    {
      area: 'enterprise',
      path: 'plan-projects',
      element: <PlanProjectsRedirect base="/enterprise/projects" />,
    },
    { area: 'enterprise', path: 'projects', page: projectListPage },
    { area: 'enterprise', path: 'projects/:id', page: projectDetailPage },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'plan',
      order: 30,
      path: '/bureau/projects/approval',
      label: 'plan.menuApproval',
      icon: <CheckSquareOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'plan',
      order: 40,
      path: '/bureau/projects/publicity',
      label: 'plan.menuPublicity',
      icon: <SoundOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'plan',
      order: 50,
      path: '/bureau/projects',
      label: 'supervision.menuProjects',
      icon: <ProjectOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'plan',
      order: 60,
      path: '/bureau/project-supervision/overdue-reports',
      label: 'supervision.menuOverdue',
      icon: <AlertOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'plan',
      order: 70,
      path: '/bureau/project-supervision/changes',
      label: 'supervision.menuChanges',
      icon: <DiffOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'plan',
      order: 80,
      path: '/bureau/funds',
      label: 'plan.menuFunds',
      icon: <AccountBookOutlined />,
      roles: STAFF,
    },
    {
      audience: 'enterprise',
      order: 80,
      path: '/enterprise/projects',
      label: 'supervision.menuMyProjects',
      icon: <ProjectOutlined />,
    },
  ],
  strings: projectsStrings,
};
