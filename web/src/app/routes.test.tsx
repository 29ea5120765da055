import type { Audience } from '@kechuang/domain';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { WEB_MODULES } from '../modules';
import { buildRoutes } from './routes';

/**
 * Every URL as it was routed when the modules started declaring their own routes: `path roles
 * target`, where roles are those RequireRoles lets in ('-' for everyone the area admits) and the
 * target is the page's export name or where a redirect leads. Old links and the browser tests rely
 * on these, so building the router from the modules must not change a line.
 */
const ROUTE_TABLE = [
  '* - Navigate:/',
  '/ - PortalHomePage',
  '/admin - Navigate:/admin/users',
  '/admin/backups secadmin,sysadmin BackupsPage',
  '/admin/security secadmin SecurityPage',
  '/admin/calendar sysadmin CalendarPage',
  '/admin/notifications - NotificationCenterPage',
  '/admin/settings sysadmin SettingsPage',
  '/admin/policy-settings sysadmin PolicySettingsPage',
  '/admin/tech-transfer-settings sysadmin TechTransferSettingsPage',
  '/admin/users - UsersPage',
  '/audit - AuditPage',
  '/audit/notifications - NotificationCenterPage',
  '/bureau - WorkbenchPage',
  '/bureau/cultivation/certificates staff,leader CertificatesPage',
  '/bureau/cultivation/hte staff,leader HteBoardPage',
  '/bureau/cultivation/pool staff,leader PoolPage',
  '/bureau/cultivation/survey staff,leader SurveyPage',
  '/bureau/cultivation/tech-sme staff,leader TechSmePage',
  '/bureau/cultivation/tiers staff,leader TiersPage',
  '/bureau/enterprises staff,leader EnterpriseListPage',
  '/bureau/enterprises/:id staff,leader EnterpriseDetailPage',
  '/bureau/enterprises/:id/checkup staff,leader BureauCheckupPage',
  '/bureau/funds staff,leader FundsPage',
  '/bureau/notifications - NotificationCenterPage',
  '/bureau/observer/high-tech observer,staff ObserverHighTechPage',
  '/bureau/observer/rd-expenses observer,staff ObserverRdExpensesPage',
  '/bureau/observer/tech-contracts observer,staff ObserverContractsPage',
  '/bureau/plan-calls staff,leader PlanCallsPage',
  '/bureau/plan-calls/:id/applications staff,leader CallApplicationsPage',
  '/bureau/plan-categories staff,leader PlanCategoriesPage',
  '/bureau/plan-projects - PlanProjectsRedirect:/bureau/projects',
  '/bureau/platforms staff,leader RegistryPage',
  '/bureau/platforms/applications staff,leader ApplicationsPage',
  '/bureau/platforms/evaluations staff,leader EvaluationsPage',
  '/bureau/platforms/cooperations staff,leader CooperationsPage',
  '/bureau/platforms/coverage staff,leader CoveragePage',
  '/bureau/platforms/statistics staff,leader PlatformStatisticsPage',
  '/bureau/platforms/types staff,leader PlatformTypesPage',
  '/bureau/services/campaigns staff,leader CampaignsPage',
  '/bureau/services/events staff,leader ServiceEventsPage',
  '/bureau/services/events/:id staff,leader ServiceEventDetailPage',
  '/bureau/services/problems staff,leader,department ProblemLedgerPage',
  '/bureau/services/questions staff,leader,department QuestionBoardPage',
  '/bureau/services/statistics staff,leader ServiceStatisticsPage',
  '/bureau/talent staff,leader TalentLedgerPage',
  '/bureau/talent/foreign staff,leader ForeignTalentPage',
  '/bureau/talent/programmes staff,leader TalentProgrammesPage',
  '/bureau/policies staff,leader LibraryPage',
  '/bureau/policies/guide staff,leader GuidePage',
  '/bureau/policies/matches staff,leader EnterpriseMatchesPage',
  '/bureau/policies/payouts staff,leader PayoutsPage',
  '/bureau/policies/settings staff PolicySettingsPage',
  '/bureau/project-supervision/changes staff,leader ChangeQueuePage',
  '/bureau/project-supervision/overdue-reports staff,leader OverdueReportsPage',
  '/bureau/projects staff,leader SupervisionProjectListPage',
  '/bureau/projects/:id staff,leader ProjectDetailPage',
  '/bureau/projects/approval staff,leader ApprovalPage',
  '/bureau/projects/publicity staff,leader PublicityPage',
  '/bureau/reviews/experts staff,leader ExpertsPage',
  '/bureau/reviews/rounds staff,leader RoundsPage',
  '/bureau/reviews/rounds/:id staff,leader RoundDetailPage',
  '/bureau/stats/high-tech-industry staff,leader HighTechIndustryPage',
  '/bureau/dashboard staff,leader,observer DashboardPage',
  '/bureau/dashboard/statistics staff,leader StatisticsPage',
  '/bureau/reports/annual staff,leader AnnualReportPage',
  '/bureau/tech-contracts staff,leader DeskPage',
  '/bureau/tech-contracts/settings staff TechTransferSettingsPage',
  '/bureau/tech-transfer/potential staff,leader TechTransferPotentialPage',
  '/bureau/tech-transfer/statistics staff,leader,observer TechTransferStatisticsPage',
  '/bureau/tech-events staff,leader TechEventsPage',
  '/bureau/tech-institutions staff,leader InstitutionsPage',
  '/bureau/tech-matchings staff,leader MatchingsPage',
  '/bureau/tech-needs staff,leader TechNeedsReviewPage',
  '/bureau/tech-results staff,leader TechResultsPage',
  '/change-password - ChangePasswordPage',
  '/account/second-factor - SecondFactorPage',
  '/enterprise - WorkbenchPage',
  '/enterprise/checkup - EnterpriseCheckupPage',
  '/enterprise/figures - EnterpriseFiguresPage',
  '/enterprise/hte - EnterpriseHtePage',
  '/enterprise/notifications - NotificationCenterPage',
  '/enterprise/plan-applications - MyApplicationsPage',
  '/enterprise/plan-applications/:id - ApplicationFormPage',
  '/enterprise/plan-calls - OpenCallsPage',
  '/enterprise/plan-projects - PlanProjectsRedirect:/enterprise/projects',
  '/enterprise/platform-applications - ApplicationsPage',
  '/enterprise/platform-evaluations - EvaluationsPage',
  '/enterprise/platforms - EnterprisePlatformsPage',
  '/enterprise/talent - EnterpriseTalentPage',
  '/enterprise/policies - MyPoliciesPage',
  '/enterprise/profile - EnterpriseProfilePage',
  '/enterprise/projects - SupervisionProjectListPage',
  '/enterprise/projects/:id - ProjectDetailPage',
  '/enterprise/services/events - EnterpriseServiceEventsPage',
  '/enterprise/services/problems - ProblemLedgerPage',
  '/enterprise/services/questions - EnterpriseQuestionsPage',
  '/enterprise/tech-contracts - EnterpriseContractsPage',
  '/enterprise/tech-contracts/:id - ContractFilingPage',
  '/enterprise/tech-contracts/new - ContractFilingPage',
  '/enterprise/tech-events - TechEventsPage',
  '/enterprise/tech-needs - MyTechNeedsPage',
  '/expert - ExpertAssignmentsPage',
  '/expert/assignments/:id - ExpertAssignmentPage',
  '/expert/notifications - NotificationCenterPage',
  '/expert/tech-results - MyTechResultsPage',
  '/login - LoginPage',
  '/policies - PortalPoliciesPage',
  '/publicity - PublicityPortalPage',
  '/register - RegisterPage',
  '/tech-transfer/contracts/:id - ContractLinkRedirect',
  '/tech-market - TechMarketPage',
];

type Props = {
  children?: ReactNode;
  roles?: readonly string[];
  to?: string;
  base?: string;
  audience?: Audience;
};

function elementOf(node: ReactNode): ReactElement<Props> {
  if (!isValidElement<Props>(node)) throw new Error('route without an element');
  return node;
}

function nameOf(element: ReactElement<Props>): string {
  return typeof element.type === 'string'
    ? element.type
    : ((element.type as { displayName?: string; name?: string }).displayName ??
        (element.type as { name: string }).name);
}

/** `roles target` of a route's element, unwrapping RequireRoles and Suspense. */
function describeElement(node: ReactNode): string {
  let element = elementOf(node);
  let roles = '-';
  if (nameOf(element) === 'RequireRoles') {
    roles = (element.props.roles ?? []).join(',');
    element = elementOf(element.props.children);
  }
  if (element.props.to !== undefined) return `${roles} ${nameOf(element)}:${element.props.to}`;
  if (element.props.base !== undefined) return `${roles} ${nameOf(element)}:${element.props.base}`;
  // A redirect that works out its target at run time (by the user's role) names only itself.
  if (element.props.children === undefined) return `${roles} ${nameOf(element)}`;
  return `${roles} ${nameOf(elementOf(element.props.children))}`;
}

function routeTable(routes: RouteObject[], base = ''): string[] {
  return routes.flatMap((route) => {
    const path = route.index ? base : base && route.path ? `${base}/${route.path}` : (route.path ?? '');
    if (route.children) return routeTable(route.children, path);
    return [`${path} ${describeElement(route.element)}`];
  });
}

describe('buildRoutes', () => {
  const routes = buildRoutes(WEB_MODULES);

  it('routes every URL to the same page behind the same roles', () => {
    expect(routeTable(routes).sort()).toEqual([...ROUTE_TABLE].sort());
  });

  it('puts each area behind RequireAudience for its own audience', () => {
    const areas = routes.filter((route) => route.children);
    expect(areas.map((route) => route.path)).toEqual([
      '/bureau',
      '/enterprise',
      '/expert',
      '/admin',
      '/audit',
    ]);
    for (const area of areas) {
      const guard = elementOf(area.element);
      expect(nameOf(guard)).toBe('RequireAudience');
      expect(`/${guard.props.audience}`).toBe(area.path);
      expect(nameOf(elementOf(guard.props.children))).toBe('Shell');
    }
  });

  it('refuses a module list that fails validation', () => {
    const clash = { ...WEB_MODULES[0], name: 'clash', strings: { zhCN: {}, en: {} } };
    expect(() => buildRoutes([...WEB_MODULES, clash])).toThrow(
      'Module clash: route / is already declared by module portal',
    );
  });
});
