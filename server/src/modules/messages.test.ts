import type { Text } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import type { MessageCatalogue } from '../core/message-catalogue';
import { ADMIN_MESSAGES } from './admin/messages';
import { CULTIVATION_MESSAGES } from './cultivation/messages';
import { ENTERPRISE_MESSAGES } from './enterprises/messages';
import { PLAN_CALL_MESSAGES } from './plan-calls/messages';
import { PROJECT_MESSAGES } from './projects/messages';
import { REVIEW_MESSAGES } from './reviews/messages';
import { SERVICES_MESSAGES } from './services/messages';
import { TALENT_MESSAGES } from './talent/messages';

const CATALOGUES: Record<string, MessageCatalogue> = {
  admin: ADMIN_MESSAGES,
  cultivation: CULTIVATION_MESSAGES,
  enterprises: ENTERPRISE_MESSAGES,
  'plan-calls': PLAN_CALL_MESSAGES,
  projects: PROJECT_MESSAGES,
  reviews: REVIEW_MESSAGES,
  services: SERVICES_MESSAGES,
  talent: TALENT_MESSAGES,
};

/** A value that serves any parameter: a date, a number in a template, a `{ zh, en }` label, a flag. */
const sample = Object.assign(new Date('2026-03-31T08:00:00Z'), { zh: '样例', en: 'sample' });
const anyParams = new Proxy({}, { get: () => sample }) as never;

function render(entry: MessageCatalogue[string]): Text {
  return typeof entry === 'function' ? entry(anyParams) : entry;
}

const HAN = /[\u4e00-\u9fff]/;

describe('message catalogues', () => {
  for (const [module, catalogue] of Object.entries(CATALOGUES))
    for (const [key, entry] of Object.entries(catalogue))
      it(`${module}.${key} is worded in zh-CN and in English`, () => {
        const text = render(entry);
        expect(text.zh.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.zh).toMatch(HAN);
        expect(text.en).not.toMatch(HAN);
      });
});
