import { FormOutlined, UserOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { reviewsStrings } from './strings';

const STAFF = ['staff', 'leader'] as const;

const expertPages = () => import('./expert-pages');

export const reviewsModule: WebModule = {
  name: 'reviews',
  routes: [
    {
      area: 'bureau',
      path: 'reviews/experts',
      roles: STAFF,
      page: lazyPage(() => import('./experts-page'), 'ExpertsPage'),
    },
    {
      area: 'bureau',
      path: 'reviews/rounds',
      roles: STAFF,
      page: lazyPage(() => import('./rounds-page'), 'RoundsPage'),
    },
    {
      area: 'bureau',
      path: 'reviews/rounds/:id',
      roles: STAFF,
      page: lazyPage(() => import('./round-detail-page'), 'RoundDetailPage'),
    },
    { area: 'expert', path: '', page: lazyPage(expertPages, 'ExpertAssignmentsPage') },
    { area: 'expert', path: 'assignments/:id', page: lazyPage(expertPages, 'ExpertAssignmentPage') },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'reviews',
      order: 10,
      path: '/bureau/reviews/rounds',
      label: 'reviews.menuRounds',
      icon: <FormOutlined />,
      roles: STAFF,
    },
    {
      audience: 'bureau',
      group: 'reviews',
      order: 20,
      path: '/bureau/reviews/experts',
      label: 'reviews.menuExperts',
      icon: <UserOutlined />,
      roles: STAFF,
    },
    {
      audience: 'expert',
      order: 10,
      path: '/expert',
      label: 'reviews.myAssignments',
      icon: <FormOutlined />,
    },
  ],
  strings: reviewsStrings,
};
