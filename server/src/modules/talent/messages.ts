import type { MessageCatalogue } from '../../core/message-catalogue';

/** What the talent module says beyond the form checks: the "平台+项目+人才" bundle, erasure. */
export const TALENT_MESSAGES = {
  bundleTalentNotOwn: {
    zh: '申报人才：须为本单位在人才台账中的人员，或由本单位新引进登记的人员',
    en: 'Talent: must be a person your enterprise employs on the talent ledger, or one it has just introduced',
  },
  bundleTalentErased: {
    zh: '申报人才：该人员信息已按本人要求删除，不能申报',
    en: 'Talent: this person’s data was erased on request',
  },
  bundlePlatformNotOwn: {
    zh: '依托平台：须为本单位作为依托单位的科创平台',
    en: 'Platform: must be a platform your enterprise hosts',
  },
  bundleProjectNotOwn: {
    zh: '依托项目：须为本单位承担的计划项目',
    en: 'Project: must be a plan project of your enterprise',
  },
  bundleRequired: ({ field }: { field: { zh: string; en: string } }) => ({
    zh: `${field.zh}：人才计划申报须选择（平台+项目+人才）`,
    en: `${field.en}: required for a talent-programme application (platform, project and talent)`,
  }),
  introducedEmployer: {
    zh: '工作单位：新引进人才的工作单位应为本单位',
    en: 'Employer: a person you introduce must be employed by your enterprise',
  },
  alreadyErased: {
    zh: '人才：该人员信息已删除',
    en: 'Talent: this person’s data has already been erased',
  },
  erasedName: { zh: '（已删除）', en: '(erased)' },
  programmeByCall: ({ callTitle }: { callTitle: string }) => ({
    zh: `经申报通知“${callTitle}”评审立项`,
    en: `Selected through the call “${callTitle}”`,
  }),
} satisfies MessageCatalogue;
