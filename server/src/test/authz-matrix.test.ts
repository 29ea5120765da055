import { ROLES, type Role } from '@kechuang/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildSession, type Session } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * Who may reach each route, written out independently of the routes' own declarations.
 * A route missing here fails the test, so every new route must be added with its roles.
 * `public` = anyone; `any` = every signed-in role.
 */
const EXPECTED: Record<string, 'public' | 'any' | readonly Role[]> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/public/home': 'public',
  'GET /api/dictionaries': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'any',
  'GET /api/auth/me': 'any',
  'POST /api/auth/password': 'any',
  'POST /api/enterprises/register': 'public',
  'GET /api/enterprises': ['staff', 'leader'],
  'GET /api/enterprises/export': ['staff', 'leader'],
  'GET /api/enterprises/mine': ['enterprise'],
  'GET /api/enterprises/:id': ['staff', 'leader', 'enterprise'],
  'PUT /api/enterprises/:id': ['staff', 'enterprise'],
  'POST /api/enterprises/:id/actions/:action': ['staff', 'enterprise'],
  'GET /api/notifications': 'any',
  'POST /api/notifications/:id/read': 'any',
  'POST /api/notifications/read-all': 'any',
  'GET /api/workbench': 'any',
  'GET /api/admin/backups': ['secadmin', 'sysadmin'],
  'GET /api/admin/settings': ['sysadmin'],
  'PUT /api/admin/settings': ['sysadmin'],
  'GET /api/admin/calendar/:year': ['sysadmin'],
  'PUT /api/admin/calendar/:year': ['sysadmin'],
  'POST /api/admin/calendar/:year/restore-official': ['sysadmin'],
  'GET /api/admin/calendar-warnings': ['sysadmin'],
  'GET /api/admin/users': ['sysadmin', 'secadmin'],
  'POST /api/admin/users': ['sysadmin'],
  'POST /api/admin/users/:id/disable': ['secadmin'],
  'POST /api/admin/users/:id/enable': ['secadmin'],
  'POST /api/admin/users/:id/unlock': ['secadmin'],
  'POST /api/admin/users/:id/reset-password': ['secadmin'],
  'GET /api/audit': ['auditor'],
  'GET /api/audit/export': ['auditor'],
  'POST /api/audit/verify': ['auditor'],
  'GET /api/imports/enterprise-ledger/template': ['staff'],
  'POST /api/imports/enterprise-ledger': ['staff'],
  'GET /api/imports/enterprise-figures/template': ['staff'],
  'POST /api/imports/enterprise-figures': ['staff'],
  'GET /api/imports/tech-sme-registrations/template': ['staff'],
  'POST /api/imports/tech-sme-registrations': ['staff'],
  'GET /api/imports/high-tech-certificates/template': ['staff'],
  'POST /api/imports/high-tech-certificates': ['staff'],
  'GET /api/imports/tech-contract-ledger/template': ['staff'],
  'POST /api/imports/tech-contract-ledger': ['staff'],
  'GET /api/imports/platform-ledger/template': ['staff'],
  'POST /api/imports/platform-ledger': ['staff'],
  'GET /api/imports/jobs/:id': 'any',
  'GET /api/enterprises/:id/figures': ['staff', 'leader', 'enterprise'],
  'PUT /api/enterprises/:id/figures/:year': ['staff', 'enterprise'],
  'GET /api/enterprises/:id/checkup': ['staff', 'leader', 'enterprise'],
  'GET /api/cultivation/survey': ['staff', 'leader'],
  'GET /api/enterprises/:id/monthly-output': ['staff', 'leader', 'enterprise'],
  'PUT /api/enterprises/:id/monthly-output/:period': ['staff', 'enterprise'],
  'GET /api/dashboard/indicators': ['staff', 'leader', 'observer'],
  'GET /api/dashboard/figures': ['staff', 'leader', 'observer'],
  'GET /api/dashboard/indicators/:key/records': ['staff', 'leader', 'observer'],
  'GET /api/dashboard/indicators/:key/records/export': ['staff', 'leader', 'observer'],
  'GET /api/dashboard/indicators/:key/breakdown': ['staff', 'leader', 'observer'],
  'GET /api/dashboard/indicators/:key/trend': ['staff', 'leader', 'observer'],
  'PUT /api/dashboard/indicators/:key/targets/:year': ['staff'],
  'GET /api/dashboard/statistics': ['staff', 'leader'],
  'PUT /api/dashboard/indicators/:key/statistics': ['staff'],
  'GET /api/annual-reports/:year': ['staff', 'leader'],
  'PUT /api/annual-reports/:year': ['staff'],
  'GET /api/annual-reports/:year/preview': ['staff', 'leader'],
  'GET /api/annual-reports/:year/document': ['staff', 'leader'],
  'POST /api/annual-reports/:year/finalise': ['staff'],
  'GET /api/annual-reports/:year/editions/:edition/document': ['staff', 'leader'],
  'GET /api/annual-reports/:year/changes': ['staff', 'leader'],
  'GET /api/stats/high-tech-industry': ['staff', 'leader'],
  'GET /api/stats/high-tech-industry/export': ['staff', 'leader'],
  'GET /api/cultivation/survey/export': ['staff', 'leader'],
  'GET /api/cultivation/hte-batches': ['staff', 'leader'],
  'POST /api/cultivation/hte-batches': ['staff'],
  'GET /api/cultivation/hte-batches/:id/board': ['staff', 'leader'],
  'GET /api/cultivation/hte-applications': ['staff', 'leader', 'enterprise'],
  'POST /api/cultivation/hte-applications': ['staff', 'enterprise'],
  'GET /api/cultivation/hte-applications/:id': ['staff', 'leader', 'enterprise'],
  'POST /api/cultivation/hte-applications/:id/actions/:action': ['staff', 'enterprise'],
  'PUT /api/cultivation/hte-applications/:id/helpers': ['staff'],
  'GET /api/cultivation/helper-options': ['staff'],
  'POST /api/cultivation/hte-applications/:id/service-records': ['staff'],
  'GET /api/cultivation/tech-sme-registrations': ['staff', 'leader', 'enterprise'],
  'GET /api/cultivation/tech-sme-registrations/export': ['staff', 'leader'],
  'POST /api/cultivation/tech-sme-registrations': ['staff'],
  'PUT /api/cultivation/tech-sme-registrations/:id': ['staff'],
  'GET /api/enterprises/:id/tech-sme-registrations': ['staff', 'leader', 'enterprise'],
  'GET /api/cultivation/pool/export': ['staff', 'leader'],
  'GET /api/cultivation/tiers/export': ['staff', 'leader'],
  'GET /api/cultivation/pool': ['staff', 'leader', 'enterprise'],
  'POST /api/cultivation/pool': ['staff'],
  'GET /api/cultivation/pool/:id': ['staff', 'leader', 'enterprise'],
  'POST /api/cultivation/pool/:id/actions/:action': ['staff'],
  'GET /api/cultivation/certificates': ['staff', 'leader', 'enterprise'],
  'GET /api/cultivation/certificates/export': ['staff', 'leader'],
  'POST /api/cultivation/certificates': ['staff'],
  'PUT /api/cultivation/certificates/:id': ['staff'],
  'GET /api/enterprises/:id/certificates': ['staff', 'leader', 'enterprise'],
  'GET /api/cultivation/tier-labels': ['staff', 'leader', 'enterprise'],
  'POST /api/cultivation/tier-labels': ['staff'],
  'PUT /api/cultivation/tier-labels/:id': ['staff'],
  'GET /api/cultivation/tiers': ['staff', 'leader'],
  'POST /api/cultivation/tiers': ['staff'],
  'DELETE /api/cultivation/tiers/:id': ['staff'],
  'GET /api/enterprises/:id/tiers': ['staff', 'leader', 'enterprise'],
  'GET /api/observer/high-tech-enterprises': ['observer', 'staff'],
  'GET /api/observer/high-tech-enterprises/export': ['observer', 'staff'],
  'GET /api/observer/rd-expenses': ['observer', 'staff'],
  'GET /api/observer/rd-expenses/export': ['observer', 'staff'],
  'GET /api/reviews/experts': ['staff', 'leader'],
  'POST /api/reviews/experts': ['staff'],
  'GET /api/reviews/experts/:id': ['staff', 'leader'],
  'PUT /api/reviews/experts/:id': ['staff'],
  'POST /api/reviews/experts/:id/actions/:action': ['staff'],
  'POST /api/reviews/experts/:id/contact': ['staff'],
  'GET /api/reviews/rounds': ['staff', 'leader'],
  'GET /api/reviews/calls': ['staff'],
  'POST /api/reviews/rounds': ['staff'],
  'GET /api/reviews/rounds/:id': ['staff', 'leader'],
  'POST /api/reviews/rounds/:id/actions/:action': ['staff'],
  'GET /api/reviews/rounds/:id/conflicts': ['staff'],
  'POST /api/reviews/rounds/:id/conflict-overrides': ['staff'],
  'POST /api/reviews/rounds/:id/assignment-jobs': ['staff'],
  'GET /api/reviews/assignment-jobs/:id': ['staff'],
  'POST /api/reviews/assignment-jobs/:id/cancel': ['staff'],
  'POST /api/reviews/assignment-jobs/:id/apply': ['staff'],
  'POST /api/reviews/rounds/:id/assignments': ['staff'],
  'DELETE /api/reviews/assignments/:id': ['staff'],
  'POST /api/reviews/assignments/:id/replace': ['staff'],
  'POST /api/reviews/assignments/:id/reopen': ['staff'],
  'POST /api/reviews/rounds/:id/reminders': ['staff'],
  'PUT /api/reviews/rounds/:id/consensus': ['staff'],
  'GET /api/reviews/rounds/:id/results': ['staff', 'leader'],
  'GET /api/reviews/rounds/:id/results/xlsx': ['staff', 'leader'],
  'GET /api/reviews/rounds/:id/results/docx': ['staff', 'leader'],
  'GET /api/expert/assignments': ['expert'],
  'GET /api/expert/assignments/:id': ['expert'],
  'POST /api/expert/assignments/:id/respond': ['expert'],
  'PUT /api/expert/assignments/:id/sheet': ['expert'],
  'POST /api/expert/assignments/:id/submit': ['expert'],
  'GET /api/expert/assignments/:id/files/:fileId': ['expert'],
  'GET /api/supervision/projects': ['staff', 'leader', 'enterprise'],
  'GET /api/supervision/projects/export': ['staff', 'leader'],
  'GET /api/supervision/projects/:id': ['staff', 'leader', 'enterprise'],
  'PUT /api/supervision/projects/:id/report-schedule': ['staff'],
  'POST /api/supervision/projects/:id/status/:action': ['staff'],
  'PUT /api/supervision/projects/:id/mid-term-check': ['staff'],
  'POST /api/supervision/projects/:id/files': ['enterprise'],
  'GET /api/supervision/files/:id': ['staff', 'leader', 'enterprise'],
  'GET /api/supervision/reports/:id': ['staff', 'leader', 'enterprise'],
  'POST /api/supervision/reports/:id/submit': ['enterprise'],
  'POST /api/supervision/reports/:id/review/:action': ['staff'],
  'POST /api/supervision/reports/:id/remind': ['staff'],
  'GET /api/supervision/overdue-reports': ['staff', 'leader'],
  'POST /api/supervision/overdue-reports/remind': ['staff'],
  'GET /api/supervision/changes': ['staff', 'leader', 'enterprise'],
  'POST /api/supervision/projects/:id/changes': ['enterprise'],
  'GET /api/supervision/changes/:id': ['staff', 'leader', 'enterprise'],
  'POST /api/supervision/changes/:id/actions/:action': ['staff', 'enterprise'],
  'POST /api/supervision/projects/:id/final-report': ['enterprise'],
  'POST /api/supervision/projects/:id/acceptance/:action': ['staff'],
  'GET /api/plan-approval/calls': ['staff', 'leader'],
  'GET /api/plan-approval/calls/:id': ['staff', 'leader'],
  'POST /api/plan-approval/calls/:id/actions/:action': ['staff', 'leader'],
  'POST /api/plan-approval/calls/:id/publicity': ['staff'],
  'GET /api/publicity-notices': ['staff', 'leader'],
  'GET /api/publicity-notices/:id': ['staff', 'leader'],
  'POST /api/publicity-notices/:id/objections': ['staff'],
  'POST /api/publicity-objections/:id/resolve': ['staff'],
  'POST /api/publicity-notices/:id/establish': ['staff'],
  'GET /api/public/publicity-notices': 'public',
  'GET /api/plan-projects': ['staff', 'leader', 'enterprise'],
  'GET /api/plan-projects/:id': ['staff', 'leader', 'enterprise'],
  'GET /api/plan-projects/:id/contract/word': ['staff', 'leader', 'enterprise'],
  'PUT /api/plan-projects/:id/contract': ['staff'],
  'POST /api/plan-projects/:id/contract/actions/:action': ['staff'],
  'POST /api/plan-projects/:id/contract/signed': ['enterprise'],
  'GET /api/plan-projects/:id/contract/signed': ['staff', 'leader', 'enterprise'],
  'PUT /api/plan-projects/:id/disbursement-plan': ['staff'],
  'POST /api/plan-projects/:id/payments': ['staff'],
  'PUT /api/plan-payments/:id': ['staff'],
  'GET /api/funds/awards': ['staff', 'leader'],
  'POST /api/funds/awards': ['staff'],
  'PUT /api/funds/awards/:id': ['staff'],
  'GET /api/funds/risk-compensations': ['staff', 'leader'],
  'POST /api/funds/risk-compensations': ['staff'],
  'PUT /api/funds/risk-compensations/:id': ['staff'],
  'GET /api/funds/yearly-totals': ['staff', 'leader'],
  'GET /api/funds/yearly-totals/export': ['staff', 'leader'],
  'GET /api/plan/categories': ['staff', 'leader', 'enterprise'],
  'POST /api/plan/categories': ['staff'],
  'PUT /api/plan/categories/:id': ['staff'],
  'GET /api/plan/calls': ['staff', 'leader', 'enterprise'],
  'POST /api/plan/calls': ['staff'],
  'GET /api/plan/calls/:id': ['staff', 'leader', 'enterprise'],
  'PUT /api/plan/calls/:id': ['staff'],
  'POST /api/plan/calls/:id/actions/:action': ['staff'],
  'POST /api/plan/calls/:id/guideline': ['staff'],
  'GET /api/plan/calls/:id/guideline': ['staff', 'leader', 'enterprise'],
  'GET /api/public/plan-calls': 'public',
  'GET /api/public/plan-calls/:id/guideline': 'public',
  'GET /api/plan/applications': ['staff', 'leader', 'enterprise'],
  'POST /api/plan/applications': ['enterprise'],
  'GET /api/plan/applications/:id': ['staff', 'leader', 'enterprise'],
  'PUT /api/plan/applications/:id': ['enterprise'],
  'GET /api/plan/applications/:id/check': ['staff', 'leader', 'enterprise'],
  'POST /api/plan/applications/:id/submit': ['enterprise'],
  'POST /api/plan/applications/:id/actions/:action': ['staff', 'enterprise'],
  'POST /api/plan/applications/:id/attachments': ['enterprise'],
  'GET /api/plan/applications/:id/attachments/:fileId': ['staff', 'leader', 'enterprise'],
  'GET /api/plan/applications/:id/document': ['staff', 'leader', 'enterprise'],
  'GET /api/tech-transfer/settings': ['sysadmin', 'staff'],
  'PUT /api/tech-transfer/settings': ['sysadmin'],
  'GET /api/tech-transfer/contracts': ['staff', 'leader', 'observer', 'enterprise'],
  'GET /api/tech-transfer/contracts/export': ['staff', 'leader', 'observer'],
  'POST /api/tech-transfer/contracts': ['enterprise'],
  'GET /api/tech-transfer/contracts/:id': ['staff', 'leader', 'observer', 'enterprise'],
  'PUT /api/tech-transfer/contracts/:id': ['enterprise'],
  'POST /api/tech-transfer/contracts/:id/actions/:action': ['staff', 'enterprise'],
  'POST /api/tech-transfer/contracts/:id/signed-file': ['enterprise'],
  'GET /api/tech-transfer/contracts/:id/signed-file': ['staff', 'leader', 'observer', 'enterprise'],
  'GET /api/tech-transfer/contracts/:id/certificate': ['staff', 'leader', 'observer', 'enterprise'],
  'POST /api/tech-transfer/contracts/:id/exemption-claim': ['enterprise'],
  'POST /api/tech-transfer/contracts/:id/exemption-confirmation': ['observer'],
  'GET /api/tech-transfer/statistics': ['staff', 'leader', 'observer'],
  'GET /api/tech-transfer/statistics/export': ['staff', 'leader', 'observer'],
  'GET /api/tech-transfer/statistics/potential': ['staff', 'leader'],
  'GET /api/tech-transfer/statistics/potential/export': ['staff', 'leader'],
  'GET /api/tech-transfer/guidance-visits': ['staff', 'leader'],
  'GET /api/tech-transfer/guidance-visits/export': ['staff', 'leader'],
  'POST /api/tech-transfer/guidance-visits': ['staff'],
  'PUT /api/tech-transfer/guidance-visits/:id': ['staff'],
  'GET /api/tech-transfer/institutions': ['staff', 'leader', 'expert'],
  'POST /api/tech-transfer/institutions': ['staff'],
  'PUT /api/tech-transfer/institutions/:id': ['staff'],
  'GET /api/tech-transfer/needs': ['staff', 'leader', 'enterprise', 'expert'],
  'POST /api/tech-transfer/needs': ['enterprise'],
  'GET /api/tech-transfer/needs/:id': ['staff', 'leader', 'enterprise', 'expert'],
  'PUT /api/tech-transfer/needs/:id': ['enterprise'],
  'POST /api/tech-transfer/needs/:id/actions/:action': ['staff', 'enterprise'],
  'GET /api/tech-transfer/needs/:id/suggestions': ['staff', 'leader', 'enterprise'],
  'GET /api/tech-transfer/results': ['staff', 'leader', 'enterprise', 'expert'],
  'POST /api/tech-transfer/results': ['staff', 'expert'],
  'GET /api/tech-transfer/results/:id': ['staff', 'leader', 'enterprise', 'expert'],
  'PUT /api/tech-transfer/results/:id': ['staff', 'expert'],
  'POST /api/tech-transfer/results/:id/actions/:action': ['staff', 'expert'],
  'GET /api/tech-transfer/results/:id/suggestions': ['staff', 'leader', 'expert'],
  'GET /api/public/tech-needs': 'public',
  'GET /api/public/tech-results': 'public',
  'GET /api/tech-transfer/matchings': ['staff', 'leader', 'enterprise', 'expert'],
  'POST /api/tech-transfer/matchings': ['staff'],
  'GET /api/tech-transfer/matchings/:id': ['staff', 'leader', 'enterprise', 'expert'],
  'POST /api/tech-transfer/matchings/:id/actions/:action': ['staff'],
  'POST /api/tech-transfer/matchings/:id/contract': ['staff'],
  'GET /api/tech-transfer/events': ['staff', 'leader', 'enterprise', 'expert'],
  'POST /api/tech-transfer/events': ['staff'],
  'GET /api/tech-transfer/events/:id': ['staff', 'leader', 'enterprise', 'expert'],
  'PUT /api/tech-transfer/events/:id': ['staff'],
  'POST /api/tech-transfer/events/:id/signups': ['enterprise'],
  'POST /api/tech-transfer/events/:id/attendance': ['staff'],
  'GET /api/platforms/types': ['staff', 'leader', 'enterprise'],
  'POST /api/platforms/types': ['staff'],
  'PUT /api/platforms/types/:id': ['staff'],
  'GET /api/platforms': ['staff', 'leader', 'enterprise'],
  'GET /api/platforms/export': ['staff', 'leader'],
  'GET /api/platforms/statistics': ['staff', 'leader'],
  'GET /api/platforms/coverage': ['staff', 'leader'],
  'GET /api/platforms/coverage/export': ['staff', 'leader'],
  'POST /api/platforms': ['staff'],
  'GET /api/platforms/:id': ['staff', 'leader', 'enterprise'],
  'PUT /api/platforms/:id': ['staff'],
  'POST /api/platforms/:id/upgrade': ['staff'],
  'POST /api/platforms/:id/actions/:action': ['staff'],
};

/** Object routes an enterprise reaches only for its own record: another enterprise's id must give 404. */
const ENTERPRISE_SCOPED = new Set([
  'GET /api/tech-transfer/needs/:id',
  'PUT /api/tech-transfer/needs/:id',
  'POST /api/tech-transfer/needs/:id/actions/:action',
  'GET /api/tech-transfer/needs/:id/suggestions',
  'GET /api/tech-transfer/matchings/:id',
  'GET /api/platforms/:id',
  'GET /api/tech-transfer/contracts/:id',
  'PUT /api/tech-transfer/contracts/:id',
  'POST /api/tech-transfer/contracts/:id/actions/:action',
  'POST /api/tech-transfer/contracts/:id/signed-file',
  'GET /api/tech-transfer/contracts/:id/signed-file',
  'GET /api/tech-transfer/contracts/:id/certificate',
  'POST /api/tech-transfer/contracts/:id/exemption-claim',
  'GET /api/enterprises/:id',
  'PUT /api/enterprises/:id',
  'POST /api/enterprises/:id/actions/:action',
  'GET /api/enterprises/:id/tech-sme-registrations',
  'GET /api/enterprises/:id/certificates',
  'GET /api/enterprises/:id/tiers',
  'GET /api/cultivation/pool/:id',
  'GET /api/supervision/projects/:id',
  'POST /api/supervision/projects/:id/files',
  'GET /api/supervision/files/:id',
  'GET /api/supervision/reports/:id',
  'POST /api/supervision/reports/:id/submit',
  'GET /api/supervision/changes/:id',
  'POST /api/supervision/projects/:id/changes',
  'POST /api/supervision/changes/:id/actions/:action',
  'POST /api/supervision/projects/:id/final-report',
  'GET /api/plan-projects/:id',
  'GET /api/plan-projects/:id/contract/word',
  'GET /api/plan-projects/:id/contract/signed',
  'POST /api/plan-projects/:id/contract/signed',
  'GET /api/plan/applications/:id',
  'PUT /api/plan/applications/:id',
  'GET /api/plan/applications/:id/check',
  'POST /api/plan/applications/:id/submit',
  'POST /api/plan/applications/:id/actions/:action',
  'POST /api/plan/applications/:id/attachments',
  'GET /api/plan/applications/:id/attachments/:fileId',
  'GET /api/plan/applications/:id/document',
]);

let test: TestApp;
const sessions = new Map<Role, Session>();
let ownEnterpriseId = 0;
let otherEnterpriseId = 0;

beforeAll(async () => {
  test = await createTestApp();
  for (const role of ROLES) {
    if (role === 'enterprise') {
      const own = await buildEnterprise(test.app);
      ownEnterpriseId = own.enterpriseId;
      sessions.set(role, own);
    } else {
      sessions.set(role, await buildSession(test.app, test.db, role));
    }
  }
  otherEnterpriseId = (await buildEnterprise(test.app)).enterpriseId;
});
afterAll(() => test.close());

function concreteUrl(url: string, enterpriseId: number): string {
  return url.replace(':id', String(enterpriseId)).replace(':action', 'verify').replace(':year', '2026');
}

describe('authorization matrix: every route × every role', () => {
  it('lists every registered route in the expected table', () => {
    const registered = test.routes.map((route) => `${route.method} ${route.url}`).sort();
    expect(registered.filter((key) => !(key in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !registered.includes(key))).toEqual([]);
  });

  it('gives no unexpected 2xx to any role or to anonymous callers', async () => {
    const unexpected: string[] = [];
    for (const route of test.routes) {
      const key = `${route.method} ${route.url}`;
      const expected = EXPECTED[key];
      if (route.url === '/api/auth/logout') continue; // would end the session the rest of the matrix uses; see auth tests
      for (const role of [...ROLES, 'anonymous'] as const) {
        const session = role === 'anonymous' ? undefined : sessions.get(role);
        const isAllowed =
          expected === 'public' ||
          (role !== 'anonymous' && (expected === 'any' || (expected as readonly Role[]).includes(role)));
        const targetId =
          role === 'enterprise' && ENTERPRISE_SCOPED.has(key) ? otherEnterpriseId : ownEnterpriseId;
        const response = await test.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url, targetId),
          headers: session ? { cookie: session.cookie } : {},
          ...(route.hasBody ? { payload: {} } : {}),
        });
        const status = response.statusCode;
        if (status >= 500) unexpected.push(`${key} as ${role}: ${status}`);
        if (!isAllowed) {
          const denied = role === 'anonymous' ? status === 401 : status === 403;
          if (!denied)
            unexpected.push(`${key} as ${role}: expected ${role === 'anonymous' ? 401 : 403}, got ${status}`);
        } else if (role === 'enterprise' && ENTERPRISE_SCOPED.has(key)) {
          // Another enterprise's record: must not be found (or refused before any lookup for bad input).
          if (status < 400) unexpected.push(`${key} as enterprise on another enterprise: ${status}`);
        } else if (status === 401 || status === 403) {
          unexpected.push(`${key} as ${role}: allowed role refused with ${status}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
  });
});
