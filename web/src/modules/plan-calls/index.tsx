import { FileDoneOutlined, FormOutlined, NotificationOutlined, PartitionOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { planCallsStrings } from './strings';

const STAFF = ['staff', 'leader'] as const;

const bureauCallsPages = () => import('./bureau-calls-pages');
const enterpriseApplicationPages = () => import('./enterprise-application-pages');

export const planCallsModule: WebModule = {
  name: 'plan-calls',
  routes: [
    {
      area: 'bureau',
      path: 'plan-categories',
      roles: STAFF,
      page: lazyPage(bureauCallsPages, 'PlanCategoriesPage'),
    },
    { area: 'bureau', path: 'plan-calls', roles: STAFF, page: lazyPage(bureauCallsPages, 'PlanCallsPage') },
    {
      area: 'bureau',
      path: 'plan-calls/:id/applications',
      roles: STAFF,
      page: lazyPage(() => import('./call-applications-page'), 'CallApplicationsPage'),
    },
    { area: 'enterprise', path: 'plan-calls', page: lazyPage(enterpriseApplicationPages, 'OpenCallsPage') },
    {
      area: 'enterprise',
      path: 'plan-applications',
      page: lazyPage(enterpriseApplicationPages, 'MyApplicationsPage'),
    },
    {
      area: 'enterprise',
      path: 'plan-applications/:id',
      page: lazyPage(enterpriseApplicationPages, 'ApplicationFormPage'),
    },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'plan',
      order: 10,
      path: '/bureau/plan-calls',
      label: 'planCalls.menuCalls',
      icon: <NotificationOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'plan',
      order: 20,
      path: '/bureau/plan-categories',
      label: 'planCalls.menuCategories',
      icon: <PartitionOutlined />,
      roles: STAFF,
    },
    {
      audience: 'enterprise',
      order: 60,
      path: '/enterprise/plan-calls',
      label: 'planCalls.menuOpenCalls',
      icon: <FormOutlined />,
    },
    {
      audience: 'enterprise',
      order: 70,
      path: '/enterprise/plan-applications',
      label: 'planCalls.menuMyApplications',
      icon: <FileDoneOutlined />,
    },
  ],
  strings: planCallsStrings,
};
