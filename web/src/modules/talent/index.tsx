import { GlobalOutlined, IdcardOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { talentStrings } from './strings';

export { TalentsCard } from './talents-card';

/** Staff keep the ledger; the leader reads it. */
const BUREAU = ['staff', 'leader'] as const;

/** 人才: the talent ledger, the foreign talents' work-permit classes, programme records, an enterprise's own talents. */
export const talentModule: WebModule = {
  name: 'talent',
  routes: [
    {
      area: 'bureau',
      path: 'talent',
      roles: BUREAU,
      page: lazyPage(() => import('./ledger-page'), 'TalentLedgerPage'),
    },
    {
      area: 'bureau',
      path: 'talent/foreign',
      roles: BUREAU,
      page: lazyPage(() => import('./ledger-page'), 'ForeignTalentPage'),
    },
    {
      area: 'bureau',
      path: 'talent/programmes',
      roles: BUREAU,
      page: lazyPage(() => import('./programmes-page'), 'TalentProgrammesPage'),
    },
    {
      area: 'enterprise',
      path: 'talent',
      page: lazyPage(() => import('./ledger-page'), 'EnterpriseTalentPage'),
    },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'talent',
      order: 10,
      path: '/bureau/talent',
      label: 'talent.menuLedger',
      icon: <TeamOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'talent',
      order: 20,
      path: '/bureau/talent/foreign',
      label: 'talent.menuForeign',
      icon: <GlobalOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'talent',
      order: 30,
      path: '/bureau/talent/programmes',
      label: 'talent.menuProgrammes',
      icon: <TrophyOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'enterprise',
      order: 96,
      path: '/enterprise/talent',
      label: 'talent.menuEnterprise',
      icon: <IdcardOutlined />,
    },
  ],
  strings: talentStrings,
};
