import {
  DollarOutlined,
  ExperimentOutlined,
  FundOutlined,
  InboxOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TagsOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { cultivationStrings } from './strings';

const STAFF = ['staff', 'leader'] as const;
/** The shared registers of the finance/tax observer: staff may open them too, only the observer has them in the menu. */
const OBSERVER_PAGE = ['observer', 'staff'] as const;

const checkupPages = () => import('./checkup-pages');
const observerPages = () => import('./observer-pages');

export const cultivationModule: WebModule = {
  name: 'cultivation',
  routes: [
    {
      area: 'bureau',
      path: 'cultivation/hte',
      roles: STAFF,
      page: lazyPage(() => import('./hte-board-page'), 'HteBoardPage'),
    },
    {
      area: 'bureau',
      path: 'enterprises/:id/checkup',
      roles: STAFF,
      page: lazyPage(checkupPages, 'BureauCheckupPage'),
    },
    {
      area: 'bureau',
      path: 'cultivation/tech-sme',
      roles: STAFF,
      page: lazyPage(() => import('./tech-sme-page'), 'TechSmePage'),
    },
    {
      area: 'bureau',
      path: 'cultivation/pool',
      roles: STAFF,
      page: lazyPage(() => import('./pool-page'), 'PoolPage'),
    },
    {
      area: 'bureau',
      path: 'cultivation/certificates',
      roles: STAFF,
      page: lazyPage(() => import('./certificates-page'), 'CertificatesPage'),
    },
    {
      area: 'bureau',
      path: 'cultivation/tiers',
      roles: STAFF,
      page: lazyPage(() => import('./tiers-page'), 'TiersPage'),
    },
    {
      area: 'bureau',
      path: 'observer/high-tech',
      roles: OBSERVER_PAGE,
      page: lazyPage(observerPages, 'ObserverHighTechPage'),
    },
    {
      area: 'bureau',
      path: 'observer/rd-expenses',
      roles: OBSERVER_PAGE,
      page: lazyPage(observerPages, 'ObserverRdExpensesPage'),
    },
    {
      area: 'bureau',
      path: 'cultivation/survey',
      roles: STAFF,
      page: lazyPage(() => import('./survey-page'), 'SurveyPage'),
    },
    {
      area: 'enterprise',
      path: 'hte',
      page: lazyPage(() => import('./enterprise-hte-page'), 'EnterpriseHtePage'),
    },
    { area: 'enterprise', path: 'checkup', page: lazyPage(checkupPages, 'EnterpriseCheckupPage') },
    { area: 'enterprise', path: 'figures', page: lazyPage(checkupPages, 'EnterpriseFiguresPage') },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'cultivation',
      order: 10,
      path: '/bureau/cultivation/survey',
      label: 'menu.survey',
      icon: <RadarChartOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'cultivation',
      order: 20,
      path: '/bureau/cultivation/hte',
      label: 'hte.menu',
      icon: <TrophyOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'cultivation',
      order: 30,
      path: '/bureau/cultivation/tech-sme',
      label: 'registers.menuTechSme',
      icon: <SolutionOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'cultivation',
      order: 40,
      path: '/bureau/cultivation/pool',
      label: 'registers.menuPool',
      icon: <InboxOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'cultivation',
      order: 50,
      path: '/bureau/cultivation/certificates',
      label: 'registers.menuCertificates',
      icon: <SafetyCertificateOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'cultivation',
      order: 60,
      path: '/bureau/cultivation/tiers',
      label: 'registers.menuTiers',
      icon: <TagsOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'observer',
      order: 10,
      path: '/bureau/observer/high-tech',
      label: 'registers.menuObserverHighTech',
      icon: <SafetyCertificateOutlined />,
      roles: ['observer'],
    },
    {
      audience: 'bureau',
      group: 'observer',
      order: 20,
      path: '/bureau/observer/rd-expenses',
      label: 'registers.menuObserverRd',
      icon: <DollarOutlined />,
      roles: ['observer'],
    },
    {
      audience: 'enterprise',
      order: 30,
      path: '/enterprise/checkup',
      label: 'menu.checkup',
      icon: <ExperimentOutlined />,
    },
    {
      audience: 'enterprise',
      order: 40,
      path: '/enterprise/figures',
      label: 'menu.figures',
      icon: <FundOutlined />,
    },
    {
      audience: 'enterprise',
      order: 50,
      path: '/enterprise/hte',
      label: 'hte.menuEnterprise',
      icon: <TrophyOutlined />,
    },
  ],
  strings: cultivationStrings,
};
