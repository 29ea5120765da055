import type { MessageCatalogue } from '../../core/message-catalogue';

/** What enterprise registration and the ledger import say to users, and the notices they send. */
export const ENTERPRISE_MESSAGES = {
  creditCodeRegistered: {
    zh: '该统一社会信用代码已注册，请直接登录',
    en: 'This credit code is already registered',
  },
  registrationTitle: ({ name }: { name: string }) => ({
    zh: `新企业注册待审核：${name}`,
    en: `New enterprise to verify: ${name}`,
  }),
  registrationBody: ({ creditCode }: { creditCode: string }) => ({
    zh: `统一社会信用代码 ${creditCode}`,
    en: `Unified social credit code ${creditCode}`,
  }),
  verificationSubject: ({ name }: { name: string }) => ({
    zh: `企业认证（${name}）`,
    en: `Enterprise verification (${name})`,
  }),
  sameCreditCodeAsRow: ({ earlier }: { earlier: number }) => ({
    zh: `与第 ${earlier} 行的统一社会信用代码重复`,
    en: `Same credit code as row ${earlier}`,
  }),
  unknownStreet: ({ street }: { street: string }) => ({
    zh: `所属街道/镇“${street}”不在本区街道/镇名单中`,
    en: `Unknown street ${street}`,
  }),
} satisfies MessageCatalogue;
