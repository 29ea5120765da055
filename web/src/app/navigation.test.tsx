import { ROLES, type Role } from '@kechuang/domain';
import type { ReactElement, ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEB_MODULES } from '../modules';
import { registerWebModules } from './module-registry';
import { isMenuGroup, type MenuNode, menuFor } from './navigation';

/** Staff and the leader see the same bureau menu. */
const BUREAU_MENU = [
  '/bureau menu.workbench DashboardOutlined',
  '/bureau/dashboard dashboard.menu FundProjectionScreenOutlined',
  'enterprises menu.groupEnterprises BankOutlined',
  '  /bureau/enterprises menu.enterprises UnorderedListOutlined',
  'cultivation menu.groupCultivation RiseOutlined',
  '  /bureau/cultivation/survey menu.survey RadarChartOutlined',
  '  /bureau/cultivation/hte hte.menu TrophyOutlined',
  '  /bureau/cultivation/tech-sme registers.menuTechSme SolutionOutlined',
  '  /bureau/cultivation/pool registers.menuPool InboxOutlined',
  '  /bureau/cultivation/certificates registers.menuCertificates SafetyCertificateOutlined',
  '  /bureau/cultivation/tiers registers.menuTiers TagsOutlined',
  'plan menu.groupPlan FundProjectionScreenOutlined',
  '  /bureau/plan-calls planCalls.menuCalls NotificationOutlined',
  '  /bureau/plan-categories planCalls.menuCategories PartitionOutlined',
  '  /bureau/projects/approval plan.menuApproval CheckSquareOutlined',
  '  /bureau/projects/publicity plan.menuPublicity SoundOutlined',
  '  /bureau/projects supervision.menuProjects ProjectOutlined',
  '  /bureau/project-supervision/overdue-reports supervision.menuOverdue AlertOutlined',
  '  /bureau/project-supervision/changes supervision.menuChanges DiffOutlined',
  '  /bureau/funds plan.menuFunds AccountBookOutlined',
  'techTransfer menu.groupTechTransfer NodeIndexOutlined',
  '  /bureau/tech-contracts techTransfer.menuDesk FileProtectOutlined',
  '  /bureau/tech-transfer/statistics techTransferStatistics.menuStatistics BarChartOutlined',
  '  /bureau/tech-transfer/potential techTransferStatistics.menuPotential AimOutlined',
  '  /bureau/tech-needs techMatching.menuReviewNeeds BulbOutlined',
  '  /bureau/tech-results techMatching.menuResults ExperimentOutlined',
  '  /bureau/tech-matchings techMatching.menuMatchings NodeIndexOutlined',
  '  /bureau/tech-events techMatching.menuBureauEvents SolutionOutlined',
  '  /bureau/tech-institutions techMatching.menuInstitutions BankOutlined',
  'platforms menu.groupPlatforms ExperimentOutlined',
  '  /bureau/platforms platforms.menuRegister ClusterOutlined',
  '  /bureau/platforms/applications platforms.menuApplications AuditOutlined',
  '  /bureau/platforms/evaluations platforms.menuEvaluations CarryOutOutlined',
  '  /bureau/platforms/types platforms.menuTypes PartitionOutlined',
  '  /bureau/platforms/statistics platforms.menuStatistics TableOutlined',
  '  /bureau/platforms/coverage platforms.menuCoverage FundViewOutlined',
  '  /bureau/platforms/cooperations platforms.menuCooperations BankOutlined',
  'talent menu.groupTalent SolutionOutlined',
  '  /bureau/talent talent.menuLedger TeamOutlined',
  '  /bureau/talent/foreign talent.menuForeign GlobalOutlined',
  '  /bureau/talent/programmes talent.menuProgrammes TrophyOutlined',
  'policies menu.groupPolicies ReadOutlined',
  '  /bureau/policies policies.menuLibrary ReadOutlined',
  '  /bureau/policies/payouts policies.menuPayouts GiftOutlined',
  '  /bureau/policies/matches policies.menuMatches SolutionOutlined',
  '  /bureau/policies/guide policies.menuGuide FileWordOutlined',
  'services menu.groupServices CustomerServiceOutlined',
  '  /bureau/services/events services.menuEvents CalendarOutlined',
  '  /bureau/services/campaigns services.menuCampaigns CarOutlined',
  '  /bureau/services/problems services.menuProblems IssuesCloseOutlined',
  '  /bureau/services/questions services.menuQuestions MessageOutlined',
  '  /bureau/services/statistics services.menuStatistics BarChartOutlined',
  'reviews menu.groupReviews AuditOutlined',
  '  /bureau/reviews/rounds reviews.menuRounds FormOutlined',
  '  /bureau/reviews/experts reviews.menuExperts UserOutlined',
  'stats menu.groupStats BarChartOutlined',
  '  /bureau/stats/high-tech-industry stats.menu LineChartOutlined',
  '  /bureau/dashboard/statistics dashboard.statisticsMenu DatabaseOutlined',
  '  /bureau/reports/annual annualReport.menu FileWordOutlined',
  '/bureau/notifications menu.notifications BellOutlined',
];

/**
 * The menus as every role saw them when each module started declaring its own entries:
 * a group as `key label icon`, its entries indented below it, a plain entry as `path label icon`.
 * The browser tests walk these menus, so building them from the modules must not change a line.
 */
const MENUS_BY_ROLE: Record<Role, string[]> = {
  enterprise: [
    '/enterprise menu.workbench DashboardOutlined',
    '/enterprise/profile menu.profile ProfileOutlined',
    '/enterprise/checkup menu.checkup ExperimentOutlined',
    '/enterprise/figures menu.figures FundOutlined',
    '/enterprise/hte hte.menuEnterprise TrophyOutlined',
    '/enterprise/plan-calls planCalls.menuOpenCalls FormOutlined',
    '/enterprise/plan-applications planCalls.menuMyApplications FileDoneOutlined',
    '/enterprise/projects supervision.menuMyProjects ProjectOutlined',
    '/enterprise/tech-needs techMatching.menuMyNeeds BulbOutlined',
    '/enterprise/tech-events techMatching.menuEvents CalendarOutlined',
    '/enterprise/tech-contracts techTransfer.menuEnterprise SolutionOutlined',
    '/enterprise/platforms platforms.menuEnterprise ApartmentOutlined',
    '/enterprise/platform-applications platforms.menuMyApplications FileAddOutlined',
    '/enterprise/services/events services.menuEnterpriseEvents CustomerServiceOutlined',
    '/enterprise/talent talent.menuEnterprise IdcardOutlined',
    '/enterprise/policies policies.menuMine BookOutlined',
    '/enterprise/platform-evaluations platforms.menuMyEvaluations ContainerOutlined',
    '/enterprise/services/problems services.menuMyProblems AlertOutlined',
    '/enterprise/services/questions services.menuMyQuestions QuestionCircleOutlined',
    '/enterprise/notifications menu.notifications BellOutlined',
  ],
  expert: [
    '/expert reviews.myAssignments FormOutlined',
    '/expert/tech-results techMatching.menuMyResults ExperimentOutlined',
    '/expert/notifications menu.notifications BellOutlined',
  ],
  staff: BUREAU_MENU,
  leader: BUREAU_MENU,
  observer: [
    '/bureau menu.workbench DashboardOutlined',
    '/bureau/dashboard dashboard.menu FundProjectionScreenOutlined',
    '/bureau/observer/high-tech registers.menuObserverHighTech SafetyCertificateOutlined',
    '/bureau/observer/rd-expenses registers.menuObserverRd DollarOutlined',
    '/bureau/observer/tech-contracts techTransfer.menuObserver AuditOutlined',
    '/bureau/notifications menu.notifications BellOutlined',
  ],
  sysadmin: [
    '/admin/users menu.users TeamOutlined',
    '/admin/settings menu.settings SettingOutlined',
    '/admin/calendar menu.calendar CalendarOutlined',
    '/admin/tech-transfer-settings techTransfer.menuSettings SettingOutlined',
    '/admin/policy-settings policies.menuSettings SettingOutlined',
    '/admin/backups menu.backups CloudServerOutlined',
    '/admin/notifications menu.notifications BellOutlined',
  ],
  secadmin: [
    '/admin/users menu.users TeamOutlined',
    '/admin/security menu.security SafetyOutlined',
    '/admin/backups menu.backups CloudServerOutlined',
    '/admin/notifications menu.notifications BellOutlined',
  ],
  auditor: ['/audit menu.audit AuditOutlined', '/audit/notifications menu.notifications BellOutlined'],
  department: [
    '/bureau menu.workbench DashboardOutlined',
    '/bureau/services/problems services.menuDepartmentProblems IssuesCloseOutlined',
    '/bureau/services/questions services.menuQuestions MessageOutlined',
    '/bureau/notifications menu.notifications BellOutlined',
  ],
};

function iconName(icon: ReactNode): string | undefined {
  return ((icon as ReactElement).type as { displayName?: string }).displayName;
}

function describeMenu(nodes: MenuNode[]): string[] {
  return nodes.flatMap((node) =>
    isMenuGroup(node)
      ? [
          `${node.key} ${node.label} ${iconName(node.icon)}`,
          ...node.children.map((entry) => `  ${entry.path} ${entry.label} ${iconName(entry.icon)}`),
        ]
      : [`${node.path} ${node.label} ${iconName(node.icon)}`],
  );
}

describe('menuFor', () => {
  beforeAll(() => registerWebModules(WEB_MODULES));

  it.each(ROLES)('gives %s the same menu, in the same order', (role) => {
    expect(describeMenu(menuFor(role))).toEqual(MENUS_BY_ROLE[role]);
  });
});
