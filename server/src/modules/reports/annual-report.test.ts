import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { highTechCertificates } from '../../db/schema';
import { useDemoDistrict } from '../../demo/demo-test-helpers';
import { readDocxParagraphs } from '../../test/docx';
import { buildSession } from '../../test/factories';
import { requestAs } from '../../test/test-app';

const suite = useDemoDistrict();

/** Each section of the seed with the figures it reports, as the generated document must write them. */
const SEED_FIGURES: [heading: string, figures: string[]][] = [
  [
    '一、提升高企挖掘培育方式。',
    [
      '68家中小企业',
      '已有92家中小企业',
      '认定国家高新技术企业21家',
      '新增国家高新技术企业9家',
      '国家高企达到64家',
      '高新技术企业67家',
      '提升至30.6%',
      '同比增速42.5%',
    ],
  ],
  [
    '二、优化科技攻关体制机制。',
    [
      '研发投入强度为1.19%',
      '培育15个项目',
      '获批1项省重大',
      '市重点研发计划14项',
      '市创新领军人才计划3项',
      '到位资金5263万元',
      '18家企业',
      '补偿资金1.39亿元',
    ],
  ],
  [
    '三、畅通科技成果转化机制。',
    ['成交额为13.23亿元', '免税技术交易额1700万元', '成交额14.3亿元', '免税技术交易额3857万元'],
  ],
  [
    '四、加快科创载体建设步伐。',
    [
      '市级以上科创平台11家',
      '2家平台提档升级',
      '市级以上科创平台81家',
      '国家级2家、省级16家、市级63家',
      '新备案4家市级以上科创平台',
    ],
  ],
];

describe('the annual report of the demo district', () => {
  it('writes the 2020 report as a Word document with every figure of the seed in its section', async () => {
    const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
    const response = await requestAs(suite.test.app, staff, 'GET', '/api/annual-reports/2020/document');
    expect(response.statusCode, response.body).toBe(200);
    const paragraphs = await readDocxParagraphs(response.rawPayload);
    expect(paragraphs[0]).toBe('2020年度任城区科技创新工作报告');
    for (const [heading, figures] of SEED_FIGURES) {
      const section = paragraphs.find((paragraph) => paragraph.startsWith(heading));
      expect(section, heading).toBeDefined();
      for (const figure of figures) expect(section, `${heading} ${figure}`).toContain(figure);
    }
    expect(paragraphs.join('\n')).not.toContain('{{');
    expect(paragraphs).toContain('附：报告数据来源');
    expect(paragraphs).toContain('由「全社会研发经费内部支出」与「地区生产总值」计算');
  });

  it('refuses a misspelt placeholder, finalises once, and shows what changed since', async () => {
    const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
    const read = await requestAs(suite.test.app, staff, 'GET', '/api/annual-reports/2019');
    const report = read.json();
    expect(report.version).toBe(0);
    const broken = structuredClone(report.content);
    broken.sections[0].body += '另有{{cultivation.hte-vaild}}家。';
    const refused = await requestAs(suite.test.app, staff, 'PUT', '/api/annual-reports/2019', {
      content: broken,
      version: 0,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      {
        path: 'content.sections.0.body',
        message: '第1部分正文：占位符 {{cultivation.hte-vaild}} 没有名为 cultivation.hte-vaild 的指标',
      },
    ]);
    const content = structuredClone(report.content);
    content.sections = [
      { heading: '一、企业培育。', body: '{{year}}年全区国家高企{{cultivation.hte-valid}}家。' },
    ];
    const saved = await requestAs(suite.test.app, staff, 'PUT', '/api/annual-reports/2019', {
      content,
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const leaderSave = await requestAs(suite.test.app, leader, 'PUT', '/api/annual-reports/2019', {
      content,
      version: 1,
    });
    expect(leaderSave.statusCode).toBe(403);

    const finalised = await requestAs(suite.test.app, staff, 'POST', '/api/annual-reports/2019/finalise', {
      version: 1,
    });
    expect(finalised.statusCode, finalised.body).toBe(200);
    expect(finalised.json().editions.map((edition: { edition: number }) => edition.edition)).toEqual([1]);
    const again = await requestAs(suite.test.app, staff, 'POST', '/api/annual-reports/2019/finalise', {
      version: 2,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].message).toBe('2019年度报告已定稿为第1版，内容修改后才能再次定稿');

    const before = (
      await requestAs(suite.test.app, leader, 'GET', '/api/annual-reports/2019/changes')
    ).json();
    expect(before).toEqual({ edition: 1, changes: [] });
    // An enterprise that never held a certificate is given one dated 2019.
    const [{ id }] = await queryRows<{ id: number }>(
      suite.test.db,
      sql`select id from enterprises where id not in (select enterprise_id from high_tech_certificates) limit 1`,
    );
    await suite.test.db.insert(highTechCertificates).values({
      enterpriseId: id,
      certificateNumber: 'GR201937999999',
      issuedOn: '2019-06-01',
      expiresOn: '2022-06-01',
      remindOn: '2021-12-01',
    });
    const edition = await requestAs(
      suite.test.app,
      leader,
      'GET',
      '/api/annual-reports/2019/editions/1/document',
    );
    expect(edition.statusCode).toBe(200);
    const editionText = (await readDocxParagraphs(edition.rawPayload)).join('\n');
    const changes = (
      await requestAs(suite.test.app, leader, 'GET', '/api/annual-reports/2019/changes')
    ).json();
    expect(changes.changes).toHaveLength(1);
    const [change] = changes.changes;
    expect(change.placeholder).toBe('{{cultivation.hte-valid}}');
    expect(Number(change.after)).toBe(Number(change.before) + 1);
    // The finalised edition still reads as it was finalised.
    expect(editionText).toContain(`2019年全区国家高企${change.before}家`);
  });
});
