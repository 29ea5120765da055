import type { Audience } from '@kechuang/domain';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, useSearchParams } from 'react-router';
import { PageLoading, RequireAudience, RequireRoles } from './guards';
import { Shell } from './shell';

/** Each page is its own chunk, loaded when its route is first visited. */
function page<TModule>(load: () => Promise<TModule>, pick: (module: TModule) => ComponentType): ReactNode {
  const Page = lazy(async () => ({ default: pick(await load()) }));
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

/**
 * The former 任务书与拨付 pages: their list is the project list now, and `?project=ID` (old links and
 * bookmarks) opens that project's 任务书 tab.
 */
function PlanProjectsRedirect({ base }: { base: string }) {
  const [params] = useSearchParams();
  const id = Number(params.get('project'));
  return <Navigate to={Number.isInteger(id) && id > 0 ? `${base}/${id}?tab=contract` : base} replace />;
}

const portalHome = () => import('../modules/portal/portal-home-page');
const loginPage = () => import('../modules/auth/login-page');
const registerPage = () => import('../modules/auth/register-page');
const changePasswordPage = () => import('../modules/auth/change-password-page');
const workbenchPage = () => import('../modules/workbench/workbench-page');
const enterpriseListPage = () => import('../modules/enterprises/enterprise-list-page');
const enterpriseDetailPage = () => import('../modules/enterprises/enterprise-detail-page');
const enterpriseProfilePage = () => import('../modules/enterprises/enterprise-profile-page');
const checkupPages = () => import('../modules/cultivation/checkup-pages');
const surveyPage = () => import('../modules/cultivation/survey-page');
const notificationCenterPage = () => import('../modules/notifications/notification-center-page');
const usersPage = () => import('../modules/admin/users-page');
const settingsPage = () => import('../modules/admin/settings-page');
const calendarPage = () => import('../modules/admin/calendar-page');
const auditPage = () => import('../modules/admin/audit-page');
const hteBoardPage = () => import('../modules/cultivation/hte-board-page');
const highTechIndustryPage = () => import('../modules/stats/high-tech-industry-page');
const enterpriseHtePage = () => import('../modules/cultivation/enterprise-hte-page');
const techSmePage = () => import('../modules/cultivation/tech-sme-page');
const certificatesPage = () => import('../modules/cultivation/certificates-page');
const poolPage = () => import('../modules/cultivation/pool-page');
const tiersPage = () => import('../modules/cultivation/tiers-page');
const observerPages = () => import('../modules/cultivation/observer-pages');
const bureauCallsPages = () => import('../modules/plan-calls/bureau-calls-pages');
const callApplicationsPage = () => import('../modules/plan-calls/call-applications-page');
const enterpriseApplicationPages = () => import('../modules/plan-calls/enterprise-application-pages');
const approvalPage = () => import('../modules/projects/approval-page');
const publicityPage = () => import('../modules/projects/publicity-page');
const fundsPage = () => import('../modules/projects/funds-page');
const portalPublicityPage = () => import('../modules/projects/portal-publicity');
const expertsPage = () => import('../modules/reviews/experts-page');
const roundsPage = () => import('../modules/reviews/rounds-page');
const roundDetailPage = () => import('../modules/reviews/round-detail-page');
const expertPages = () => import('../modules/reviews/expert-pages');
const supervisionProjectListPage = () => import('../modules/projects/supervision/project-list-page');
const projectDetailPage = () => import('../modules/projects/project-detail-page');
const overdueReportsPage = () => import('../modules/projects/supervision/overdue-reports-page');
const changeQueuePage = () => import('../modules/projects/supervision/change-queue-page');

const notifications = {
  path: 'notifications',
  element: page(notificationCenterPage, (module) => module.NotificationCenterPage),
};

function area(audience: Audience, children: object[]) {
  return {
    path: `/${audience}`,
    element: (
      <RequireAudience audience={audience}>
        <Shell />
      </RequireAudience>
    ),
    children: [...children, notifications],
  };
}

const workbench = { index: true, element: page(workbenchPage, (module) => module.WorkbenchPage) };

export const router = createBrowserRouter([
  { path: '/', element: page(portalHome, (module) => module.PortalHomePage) },
  { path: '/login', element: page(loginPage, (module) => module.LoginPage) },
  { path: '/register', element: page(registerPage, (module) => module.RegisterPage) },
  { path: '/publicity', element: page(portalPublicityPage, (module) => module.PublicityPortalPage) },
  { path: '/change-password', element: page(changePasswordPage, (module) => module.ChangePasswordPage) },
  area('bureau', [
    workbench,
    {
      path: 'enterprises',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(enterpriseListPage, (module) => module.EnterpriseListPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'stats/high-tech-industry',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(highTechIndustryPage, (module) => module.HighTechIndustryPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'cultivation/hte',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(hteBoardPage, (module) => module.HteBoardPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'enterprises/:id',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(enterpriseDetailPage, (module) => module.EnterpriseDetailPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'enterprises/:id/checkup',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(checkupPages, (module) => module.BureauCheckupPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'projects',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(supervisionProjectListPage, (module) => module.SupervisionProjectListPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'projects/:id',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(projectDetailPage, (module) => module.ProjectDetailPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'project-supervision/overdue-reports',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(overdueReportsPage, (module) => module.OverdueReportsPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'project-supervision/changes',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(changeQueuePage, (module) => module.ChangeQueuePage)}
        </RequireRoles>
      ),
    },
    {
      path: 'cultivation/tech-sme',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(techSmePage, (module) => module.TechSmePage)}
        </RequireRoles>
      ),
    },
    {
      path: 'cultivation/pool',
      element: (
        <RequireRoles roles={['staff', 'leader']}>{page(poolPage, (module) => module.PoolPage)}</RequireRoles>
      ),
    },
    {
      path: 'cultivation/certificates',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(certificatesPage, (module) => module.CertificatesPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'cultivation/tiers',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(tiersPage, (module) => module.TiersPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'observer/high-tech',
      element: (
        <RequireRoles roles={['observer', 'staff']}>
          {page(observerPages, (module) => module.ObserverHighTechPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'observer/rd-expenses',
      element: (
        <RequireRoles roles={['observer', 'staff']}>
          {page(observerPages, (module) => module.ObserverRdExpensesPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'reviews/experts',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(expertsPage, (module) => module.ExpertsPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'reviews/rounds',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(roundsPage, (module) => module.RoundsPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'reviews/rounds/:id',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(roundDetailPage, (module) => module.RoundDetailPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'plan-categories',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(bureauCallsPages, (module) => module.PlanCategoriesPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'plan-calls',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(bureauCallsPages, (module) => module.PlanCallsPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'plan-calls/:id/applications',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(callApplicationsPage, (module) => module.CallApplicationsPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'projects/approval',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(approvalPage, (module) => module.ApprovalPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'projects/publicity',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(publicityPage, (module) => module.PublicityPage)}
        </RequireRoles>
      ),
    },
    { path: 'plan-projects', element: <PlanProjectsRedirect base="/bureau/projects" /> },
    {
      path: 'funds',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(fundsPage, (module) => module.FundsPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'cultivation/survey',
      element: (
        <RequireRoles roles={['staff', 'leader']}>
          {page(surveyPage, (module) => module.SurveyPage)}
        </RequireRoles>
      ),
    },
  ]),
  area('enterprise', [
    workbench,
    { path: 'hte', element: page(enterpriseHtePage, (module) => module.EnterpriseHtePage) },
    { path: 'plan-calls', element: page(enterpriseApplicationPages, (module) => module.OpenCallsPage) },
    {
      path: 'plan-applications',
      element: page(enterpriseApplicationPages, (module) => module.MyApplicationsPage),
    },
    {
      path: 'plan-applications/:id',
      element: page(enterpriseApplicationPages, (module) => module.ApplicationFormPage),
    },
    { path: 'plan-projects', element: <PlanProjectsRedirect base="/enterprise/projects" /> },
    { path: 'profile', element: page(enterpriseProfilePage, (module) => module.EnterpriseProfilePage) },
    { path: 'checkup', element: page(checkupPages, (module) => module.EnterpriseCheckupPage) },
    { path: 'figures', element: page(checkupPages, (module) => module.EnterpriseFiguresPage) },
    {
      path: 'projects',
      element: page(supervisionProjectListPage, (module) => module.SupervisionProjectListPage),
    },
    { path: 'projects/:id', element: page(projectDetailPage, (module) => module.ProjectDetailPage) },
  ]),
  area('expert', [
    { index: true, element: page(expertPages, (module) => module.ExpertAssignmentsPage) },
    { path: 'assignments/:id', element: page(expertPages, (module) => module.ExpertAssignmentPage) },
  ]),
  area('admin', [
    { index: true, element: <Navigate to="/admin/users" replace /> },
    { path: 'users', element: page(usersPage, (module) => module.UsersPage) },
    {
      path: 'settings',
      element: (
        <RequireRoles roles={['sysadmin']}>
          {page(settingsPage, (module) => module.SettingsPage)}
        </RequireRoles>
      ),
    },
    {
      path: 'calendar',
      element: (
        <RequireRoles roles={['sysadmin']}>
          {page(calendarPage, (module) => module.CalendarPage)}
        </RequireRoles>
      ),
    },
  ]),
  area('audit', [{ index: true, element: page(auditPage, (module) => module.AuditPage) }]),
  { path: '*', element: <Navigate to="/" replace /> },
]);
