import {
  BankOutlined,
  BulbOutlined,
  CalendarOutlined,
  ExperimentOutlined,
  NodeIndexOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { lazyPage, type ModuleMenuEntry, type ModuleRoute } from '../../app/module';

const BUREAU = ['staff', 'leader'] as const;
const bureauPages = () => import('./needs-bureau-pages');
const resultPages = () => import('./results-pages');

/** 产学研对接's pages: the tech-transfer module's manifest takes these routes, menu entries and strings. */
export const techMatchingRoutes: readonly ModuleRoute[] = [
  { path: '/tech-market', page: lazyPage(() => import('./matching-portal'), 'TechMarketPage') },
  {
    area: 'enterprise',
    path: 'tech-needs',
    page: lazyPage(() => import('./needs-enterprise-page'), 'MyTechNeedsPage'),
  },
  {
    area: 'enterprise',
    path: 'tech-events',
    page: lazyPage(() => import('./matching-events-pages'), 'TechEventsPage'),
  },
  { area: 'expert', path: 'tech-results', page: lazyPage(resultPages, 'MyTechResultsPage') },
  { area: 'bureau', path: 'tech-needs', roles: BUREAU, page: lazyPage(bureauPages, 'TechNeedsReviewPage') },
  { area: 'bureau', path: 'tech-results', roles: BUREAU, page: lazyPage(resultPages, 'TechResultsPage') },
  {
    area: 'bureau',
    path: 'tech-institutions',
    roles: BUREAU,
    page: lazyPage(bureauPages, 'InstitutionsPage'),
  },
  {
    area: 'bureau',
    path: 'tech-matchings',
    roles: BUREAU,
    page: lazyPage(() => import('./matching-records-page'), 'MatchingsPage'),
  },
  {
    area: 'bureau',
    path: 'tech-events',
    roles: BUREAU,
    page: lazyPage(() => import('./matching-events-pages'), 'TechEventsPage'),
  },
];

export const techMatchingMenu: readonly ModuleMenuEntry[] = [
  {
    audience: 'enterprise',
    order: 80,
    path: '/enterprise/tech-needs',
    label: 'techMatching.menuMyNeeds',
    icon: <BulbOutlined />,
  },
  {
    audience: 'enterprise',
    order: 85,
    path: '/enterprise/tech-events',
    label: 'techMatching.menuEvents',
    icon: <CalendarOutlined />,
  },
  {
    audience: 'expert',
    order: 30,
    path: '/expert/tech-results',
    label: 'techMatching.menuMyResults',
    icon: <ExperimentOutlined />,
  },
  {
    audience: 'bureau',
    group: 'techTransfer',
    order: 40,
    path: '/bureau/tech-needs',
    label: 'techMatching.menuReviewNeeds',
    icon: <BulbOutlined />,
    roles: BUREAU,
  },
  {
    audience: 'bureau',
    group: 'techTransfer',
    order: 50,
    path: '/bureau/tech-results',
    label: 'techMatching.menuResults',
    icon: <ExperimentOutlined />,
    roles: BUREAU,
  },
  {
    audience: 'bureau',
    group: 'techTransfer',
    order: 60,
    path: '/bureau/tech-matchings',
    label: 'techMatching.menuMatchings',
    icon: <NodeIndexOutlined />,
    roles: BUREAU,
  },
  {
    audience: 'bureau',
    group: 'techTransfer',
    order: 70,
    path: '/bureau/tech-events',
    label: 'techMatching.menuBureauEvents',
    icon: <SolutionOutlined />,
    roles: BUREAU,
  },
  {
    audience: 'bureau',
    group: 'techTransfer',
    order: 80,
    path: '/bureau/tech-institutions',
    label: 'techMatching.menuInstitutions',
    icon: <BankOutlined />,
    roles: BUREAU,
  },
];
