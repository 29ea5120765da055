import {
  AlertOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarOutlined,
  CustomerServiceOutlined,
  IssuesCloseOutlined,
  MessageOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { servicesStrings } from './strings';

const BUREAU = ['staff', 'leader'] as const;

/** 科技服务: events with sign-up and check-in, 大调研 visits, the problem ledger; the enterprise's side of each. */
export const servicesModule: WebModule = {
  name: 'services',
  routes: [
    {
      area: 'bureau',
      path: 'services/events',
      roles: BUREAU,
      page: lazyPage(() => import('./events-page'), 'ServiceEventsPage'),
    },
    {
      area: 'bureau',
      path: 'services/events/:id',
      roles: BUREAU,
      page: lazyPage(() => import('./event-detail-page'), 'ServiceEventDetailPage'),
    },
    {
      area: 'bureau',
      path: 'services/campaigns',
      roles: BUREAU,
      page: lazyPage(() => import('./campaigns-page'), 'CampaignsPage'),
    },
    {
      area: 'bureau',
      path: 'services/problems',
      roles: [...BUREAU, 'department'],
      page: lazyPage(() => import('./problems-page'), 'ProblemLedgerPage'),
    },
    {
      area: 'bureau',
      path: 'services/questions',
      roles: [...BUREAU, 'department'],
      page: lazyPage(() => import('./questions-page'), 'QuestionBoardPage'),
    },
    {
      area: 'bureau',
      path: 'services/statistics',
      roles: BUREAU,
      page: lazyPage(() => import('./statistics-page'), 'ServiceStatisticsPage'),
    },
    {
      area: 'enterprise',
      path: 'services/events',
      page: lazyPage(() => import('./enterprise-events-page'), 'EnterpriseServiceEventsPage'),
    },
    {
      area: 'enterprise',
      path: 'services/problems',
      page: lazyPage(() => import('./problems-page'), 'ProblemLedgerPage'),
    },
    {
      area: 'enterprise',
      path: 'services/questions',
      page: lazyPage(() => import('./enterprise-questions-page'), 'EnterpriseQuestionsPage'),
    },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'services',
      order: 10,
      path: '/bureau/services/events',
      label: 'services.menuEvents',
      icon: <CalendarOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'services',
      order: 20,
      path: '/bureau/services/campaigns',
      label: 'services.menuCampaigns',
      icon: <CarOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'services',
      order: 30,
      path: '/bureau/services/problems',
      label: 'services.menuProblems',
      icon: <IssuesCloseOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'services',
      order: 35,
      path: '/bureau/services/questions',
      label: 'services.menuQuestions',
      icon: <MessageOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'services',
      order: 40,
      path: '/bureau/services/statistics',
      label: 'services.menuStatistics',
      icon: <BarChartOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      order: 15,
      path: '/bureau/services/problems',
      label: 'services.menuDepartmentProblems',
      icon: <IssuesCloseOutlined />,
      roles: ['department'],
    },
    {
      audience: 'bureau',
      order: 16,
      path: '/bureau/services/questions',
      label: 'services.menuQuestions',
      icon: <MessageOutlined />,
      roles: ['department'],
    },
    {
      audience: 'enterprise',
      order: 96,
      path: '/enterprise/services/events',
      label: 'services.menuEnterpriseEvents',
      icon: <CustomerServiceOutlined />,
    },
    {
      audience: 'enterprise',
      order: 97,
      path: '/enterprise/services/problems',
      label: 'services.menuMyProblems',
      icon: <AlertOutlined />,
    },
    {
      audience: 'enterprise',
      order: 98,
      path: '/enterprise/services/questions',
      label: 'services.menuMyQuestions',
      icon: <QuestionCircleOutlined />,
    },
  ],
  strings: servicesStrings,
};

export { PortalFaqCard } from './portal-faq';
