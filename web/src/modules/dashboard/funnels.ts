/**
 * The chains the leader follows from the widest step to the narrowest, each step an indicator of
 * the registry: an enterprise's way from evaluation to recognition, and an application's way to a
 * project granted upstream.
 */
export const FUNNELS: readonly { title: string; keys: readonly string[] }[] = [
  {
    title: 'dashboard.funnels.cultivation',
    keys: [
      'cultivation.tech-sme-registered',
      'cultivation.pool-admitted',
      'cultivation.hte-applicants',
      'cultivation.hte-recognised',
    ],
  },
  {
    title: 'dashboard.funnels.plans',
    keys: ['plan-calls.applications', 'plan-calls.upstream-granted', 'projects.established'],
  },
];
