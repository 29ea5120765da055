import { ProfileOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { enterprisesStrings } from './strings';

const STAFF = ['staff', 'leader'] as const;

export const enterprisesModule: WebModule = {
  name: 'enterprises',
  routes: [
    {
      area: 'bureau',
      path: 'enterprises',
      roles: STAFF,
      page: lazyPage(() => import('./enterprise-list-page'), 'EnterpriseListPage'),
    },
    {
      area: 'bureau',
      path: 'enterprises/:id',
      roles: STAFF,
      page: lazyPage(() => import('./enterprise-detail-page'), 'EnterpriseDetailPage'),
    },
    {
      area: 'enterprise',
      path: 'profile',
      page: lazyPage(() => import('./enterprise-profile-page'), 'EnterpriseProfilePage'),
    },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'enterprises',
      order: 10,
      path: '/bureau/enterprises',
      label: 'menu.enterprises',
      icon: <UnorderedListOutlined />,
      roles: STAFF,
    },
    {
      audience: 'enterprise',
      order: 20,
      path: '/enterprise/profile',
      label: 'menu.profile',
      icon: <ProfileOutlined />,
    },
  ],
  strings: enterprisesStrings,
};
