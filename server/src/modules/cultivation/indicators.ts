import { sql } from 'drizzle-orm';
import { enterprisePath, enterpriseRecords, within } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';

const BREAKDOWNS = ['street', 'industry'] as const;

/** The cultivation figures of the seed's first section: 科技型中小企业 入库 and 高企. */
export const cultivationIndicators: readonly Indicator[] = [
  {
    key: 'cultivation.tech-sme-registered',
    section: 'cultivation',
    name: { zh: '科技型中小企业入库数', en: 'Tech SMEs registered' },
    description: {
      zh: '期间内取得入库登记编号的科技型中小企业数（按入库日期）',
      en: 'Tech SMEs given a registration number in the period (by registration date)',
    },
    unit: '家',
    kind: 'count',
    timing: 'flow',
    breakdowns: BREAKDOWNS,
    records: (range) =>
      enterpriseRecords({
        from: 'tech_sme_registrations r0',
        label: 'r0.registration_number',
        onDate: 'r0.registered_on',
        where: within('r0.registered_on', range),
      }),
    recordPath: enterprisePath,
  },
  {
    key: 'cultivation.hte-valid',
    section: 'cultivation',
    name: { zh: '有效国家高新技术企业数', en: 'High-tech enterprises in force' },
    description: {
      zh: '期末持有有效高新技术企业证书的企业数（发证日不晚于期末、有效期至期末之后）',
      en: 'Enterprises holding a certificate in force at the end of the period',
    },
    unit: '家',
    kind: 'distinct',
    timing: 'stock',
    breakdowns: BREAKDOWNS,
    records: (range) =>
      enterpriseRecords({
        from: 'high_tech_certificates r0',
        label: 'r0.certificate_number',
        onDate: 'r0.issued_on',
        where: sql`r0.issued_on <= ${range.to}::date and r0.expires_on > ${range.to}::date`,
      }),
    recordPath: enterprisePath,
    roles: ['staff', 'leader', 'observer'],
  },
  {
    key: 'cultivation.hte-recognised',
    section: 'cultivation',
    name: { zh: '通过认定高新技术企业数', en: 'High-tech enterprises recognised' },
    description: {
      zh: '期间内获发高新技术企业证书的企业数（含重新认定）',
      en: 'Certificates issued in the period, re-recognitions included',
    },
    unit: '家',
    kind: 'count',
    timing: 'flow',
    breakdowns: BREAKDOWNS,
    records: (range) =>
      enterpriseRecords({
        from: 'high_tech_certificates r0',
        label: 'r0.certificate_number',
        onDate: 'r0.issued_on',
        where: within('r0.issued_on', range),
      }),
    recordPath: enterprisePath,
    roles: ['staff', 'leader', 'observer'],
  },
  {
    key: 'cultivation.hte-new',
    section: 'cultivation',
    name: { zh: '新增高新技术企业数', en: 'New high-tech enterprises' },
    description: {
      zh: '期间内首次获发高新技术企业证书的企业数（此前从未持证）',
      en: 'Enterprises given their first certificate in the period',
    },
    unit: '家',
    kind: 'count',
    timing: 'flow',
    breakdowns: BREAKDOWNS,
    records: (range) =>
      enterpriseRecords({
        from: 'high_tech_certificates r0',
        label: 'r0.certificate_number',
        onDate: 'r0.issued_on',
        where: sql`${within('r0.issued_on', range)} and not exists (
          select 1 from high_tech_certificates p where p.enterprise_id = r0.enterprise_id and p.issued_on < r0.issued_on)`,
      }),
    recordPath: enterprisePath,
    roles: ['staff', 'leader', 'observer'],
  },
  {
    key: 'cultivation.pool-admitted',
    section: 'cultivation',
    name: { zh: '纳入高企培育库企业数', en: 'Enterprises admitted to the cultivation pool' },
    description: {
      zh: '期间内经审核纳入高新技术企业培育库的企业数（按纳入日期，之后出库的仍计入当期）',
      en: 'Enterprises admitted to the high-tech cultivation pool in the period (by admission date)',
    },
    unit: '家',
    kind: 'distinct',
    timing: 'flow',
    breakdowns: BREAKDOWNS,
    records: (range) =>
      enterpriseRecords({
        from: `cultivation_pool_entries r0
          join lateral (select (min(h.created_at) at time zone 'Asia/Shanghai')::date as admitted_on
            from workflow_history h
            where h.workflow = 'cultivation-pool' and h.object_id = r0.id and h.action = 'admit') a on true`,
        label: "r0.year || '年度培育库'",
        onDate: 'a.admitted_on',
        where: within('a.admitted_on', range),
      }),
    recordPath: enterprisePath,
  },
  {
    key: 'cultivation.hte-applicants',
    section: 'cultivation',
    name: { zh: '推荐申报高新技术企业数', en: 'Enterprises put forward for recognition' },
    description: {
      zh: '申报批次截止日在期间内的高企申报企业数（按企业去重）',
      en: 'Enterprises applying in batches whose deadline falls in the period',
    },
    unit: '家',
    kind: 'distinct',
    timing: 'flow',
    breakdowns: BREAKDOWNS,
    records: (range) =>
      enterpriseRecords({
        from: 'hte_applications r0 join hte_batches b on b.id = r0.batch_id',
        label: 'b.name',
        onDate: 'b.submission_deadline',
        where: within('b.submission_deadline', range),
      }),
    recordPath: enterprisePath,
  },
];
