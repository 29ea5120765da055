import type { MessageCatalogue } from '../../core/message-catalogue';

/** Beijing time to the minute, as calls publish their dates. */
const formatTime = (date: Date) =>
  new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** What plan calls and applications say to users: refusals naming the field, and lifecycle notice subjects. */
export const PLAN_CALL_MESSAGES = {
  categoryNotFound: { zh: '计划类别：不存在', en: 'Plan category: not found' },
  categoryCodeTaken: ({ code }: { code: string }) => ({
    zh: `类别代码：“${code}”已被使用`,
    en: `Code: “${code}” is already used`,
  }),
  callNotOpenYet: ({ opensAt }: { opensAt: Date }) => ({
    zh: `申报尚未开始：申报开始时间为 ${formatTime(opensAt)}（北京时间）`,
    en: `The call opens at ${formatTime(opensAt)} (Beijing time)`,
  }),
  callClosedAt: ({ closesAt }: { closesAt: Date }) => ({
    zh: `申报已截止：截止时间为 ${formatTime(closesAt)}（北京时间），不能再提交`,
    en: `The call closed at ${formatTime(closesAt)} (Beijing time); nothing more can be submitted`,
  }),
  correctionsClosedAt: ({ deadline }: { deadline: Date }) => ({
    zh: `补正已截止：区级审核截止时间为 ${formatTime(deadline)}（北京时间）`,
    en: `Corrections closed with the district review deadline, ${formatTime(deadline)} (Beijing time)`,
  }),
  talentProgrammeUnknown: ({ code }: { code: string }) => ({
    zh: `对应人才计划：“${code}”不存在`,
    en: `Talent programme: “${code}” does not exist`,
  }),
  alreadyApplied: {
    zh: '申报通知：本企业已申报该通知（每个企业限报一项）',
    en: 'Call: your enterprise has already applied',
  },
  attachmentNotOwned: { zh: '附件：文件不存在或不属于本企业', en: 'Attachment: file not found' },
  checklistItemFailed: ({ item }: { item: string }) => ({
    zh: `形式审查清单：“${item}”未通过，不能审查通过`,
    en: `Checklist: “${item}” failed, so the check cannot pass`,
  }),
  callSubject: ({ title }: { title: string }) => ({
    zh: `申报通知（${title}）`,
    en: `Call (${title})`,
  }),
  applicationSubject: ({ enterpriseName, title }: { enterpriseName: string; title: string }) => ({
    zh: `项目申报（${enterpriseName}：${title}）`,
    en: `Application (${enterpriseName}: ${title})`,
  }),
} satisfies MessageCatalogue;
