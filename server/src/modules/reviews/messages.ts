import type { MessageCatalogue } from '../../core/message-catalogue';

/** Minutes precision, as the deadline is shown in invitations and reminders. */
function minutes(time: Date): string {
  return time.toISOString().slice(0, 16).replace('T', ' ');
}

/** What expert review says to users: refusals naming the field, and the experts' notifications. */
export const REVIEW_MESSAGES = {
  callNotFound: { zh: '申报通知：不存在', en: 'Call: not found' },
  callHasNothingUnderReview: {
    zh: '申报通知：没有处于“专家评审中”的申报，无法组织评审',
    en: 'Call: no application is under review',
  },
  noExpertAssigned: { zh: '尚未分配评审专家', en: 'No expert is assigned yet' },
  noSuchConflict: {
    zh: '回避类型：该专家与项目之间没有此类回避情形',
    en: 'Conflict type: no such conflict',
  },
  conflictNotOverridable: { zh: '回避类型：此类回避情形不能解除', en: 'Conflict type: cannot be overridden' },
  expertNotActive: {
    zh: '专家不在库（待审核、暂停或已出库）',
    en: 'the expert is not active (pending, paused or removed)',
  },
  loadCapReached: ({ loadCap }: { loadCap: number }) => ({
    zh: `已达到每位专家评审上限（${loadCap} 项）`,
    en: `the expert already has the most items allowed (${loadCap})`,
  }),
  sameOrganisationOnItem: ({ organisation }: { organisation: string }) => ({
    zh: `该项目已有同单位（${organisation}）专家`,
    en: `an expert of the same organisation (${organisation}) is already on this item`,
  }),
  expertCannotBeAssigned: ({ problem }: { problem: { zh: string; en: string } }) => ({
    zh: `评审专家：${problem.zh}`,
    en: `Expert: ${problem.en}`,
  }),
  expertAlreadyOnItem: { zh: '评审专家：已分配到该项目', en: 'Expert: already on this item' },
  manualPickReason: { zh: '工作人员手工指定', en: 'Picked by staff' },
  replacementReason: ({ affinity }: { affinity: number }) => ({
    zh: `替换未参评专家；匹配度 ${affinity}`,
    en: `Replaces an expert who did not review; field match ${affinity}`,
  }),
  noReplacement: ({ itemTitle }: { itemTitle: string }) => ({
    zh: `「${itemTitle}」：没有同领域、无回避、未满负荷且单位不重复的在库专家可替换`,
    en: `“${itemTitle}”: no active expert of the field, without conflict, below the limit and of another organisation is left`,
  }),
  usernameTaken: { zh: '登录用户名：已被使用', en: 'User name: already taken' },
  declineReasonRequired: { zh: '理由：必填', en: 'Reason: required' },
  unknownCriterion: ({ key }: { key: string }) => ({
    zh: `评分：没有指标“${key}”`,
    en: `Scores: no criterion ${key}`,
  }),
  scoreOutOfRange: ({
    label,
    minimum,
    maximum,
  }: {
    label: { zh: string; en: string };
    minimum: number;
    maximum: number;
  }) => ({
    zh: `${label.zh}：应在 ${minimum} 到 ${maximum} 分之间`,
    en: `${label.en}: must be between ${minimum} and ${maximum}`,
  }),
  scoreRequired: ({ label }: { label: { zh: string; en: string } }) => ({
    zh: `${label.zh}：必填`,
    en: `${label.en}: required`,
  }),
  voteRequired: { zh: '表决意见：必填', en: 'Vote: required' },
  commentRequiredOutsideThresholds: ({
    total,
    below,
    above,
  }: {
    total: number;
    below: number | null;
    above: number | null;
  }) => ({
    zh: `评审意见：总分 ${total} 低于 ${below ?? '—'} 或高于 ${above ?? '—'} 时必须填写`,
    en: `Comment: required when the total ${total} is outside the thresholds`,
  }),
  invitationTitle: ({ roundTitle }: { roundTitle: string }) => ({
    zh: `评审邀请：${roundTitle}`,
    en: `Review invitation: ${roundTitle}`,
  }),
  invitationBody: ({ deadline }: { deadline: Date }) => ({
    zh: `请在 ${minutes(deadline)} 前接受邀请并完成评分。`,
    en: `Please accept the invitation and submit your sheet before ${minutes(deadline)}.`,
  }),
  newTaskBody: { zh: '您有新的评审任务。', en: 'You have a new review task.' },
  sheetReopenedTitle: ({ roundTitle }: { roundTitle: string }) => ({
    zh: `评分表已重新开放：${roundTitle}`,
    en: `Your sheet is open again: ${roundTitle}`,
  }),
  sheetReopenedBody: ({ until }: { until: Date }) => ({
    zh: `请在 ${minutes(until)} 前提交。`,
    en: `Please submit it before ${minutes(until)}.`,
  }),
  reminderTitle: ({ roundTitle }: { roundTitle: string }) => ({
    zh: `评审提醒：${roundTitle}`,
    en: `Review reminder: ${roundTitle}`,
  }),
  reminderBody: ({ deadline }: { deadline: Date }) => ({
    zh: `您还有未完成的评审，截止时间 ${minutes(deadline)}。`,
    en: `You have reviews to finish; the deadline is ${minutes(deadline)}.`,
  }),
  deadlineNearTitle: ({ roundTitle }: { roundTitle: string }) => ({
    zh: `评审即将截止：${roundTitle}`,
    en: `Review deadline approaching: ${roundTitle}`,
  }),
  deadlineNearBody: ({ deadline }: { deadline: string }) => ({
    zh: `您还有未提交的评审，截止时间 ${deadline}（北京时间），请及时完成。`,
    en: `You have sheets to submit before ${deadline} (Beijing time).`,
  }),
  expertWithdrewTitle: ({ isConflict, roundTitle }: { isConflict: boolean; roundTitle: string }) => ({
    zh: `评审专家${isConflict ? '声明回避' : '谢绝邀请'}：${roundTitle}`,
    en: `An expert ${isConflict ? 'declared a conflict' : 'declined'}: ${roundTitle}`,
  }),
  expertWithdrewBody: ({ itemTitle }: { itemTitle: string }) => ({
    zh: `项目「${itemTitle}」需要替换评审专家。`,
    en: `“${itemTitle}” needs another expert.`,
  }),
} satisfies MessageCatalogue;
