import type { PolicyPage } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { useTestApp } from '../../test/test-app';
import { buildPolicyInput } from './policy-test-helpers';
import { keywordCondition, policyTerms } from './search-index';

const suite = useTestApp({ staff: 'staff' });

describe('full-text search over the policy library', () => {
  it('indexes jieba words and every character pair of the text', () => {
    const terms = policyTerms({ ...buildPolicyInput(), fullText: '支持科技成果转化和中试熟化', items: [] });
    for (const term of ['科技', '成果', '转化', '中试', '熟化', '试熟'])
      expect(terms.has(term), term).toBe(true);
    expect(terms.get('措施')).toBe(3); // title words weigh most
  });

  it('reads the postings through the inverted index’s primary key (the plan)', async () => {
    const created = await suite.test.app.inject({
      method: 'POST',
      url: '/api/policies',
      headers: { cookie: suite.staff.cookie },
      payload: buildPolicyInput({
        documentNo: '任政办发〔2020〕77号',
        fullText: '对孵化器在孵企业给予房租补贴。',
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const found = (
      await suite.test.app.inject({
        method: 'GET',
        url: `/api/policies?keyword=${encodeURIComponent('孵化')}`,
        headers: { cookie: suite.staff.cookie },
      })
    ).json() as PolicyPage;
    expect(found.items.map((item) => item.documentNo)).toEqual(['任政办发〔2020〕77号']);
    // With a handful of rows the planner would rather scan; forbidding that shows the index serves the lookup.
    const plan = await suite.test.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<{ 'QUERY PLAN': string }>(
        tx,
        sql`explain select policies.id from policies where ${keywordCondition('孵化')}`,
      );
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toContain('tech_match_terms_kind_term_record_id_pk');
  });
});
