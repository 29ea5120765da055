import type { MessageCatalogue } from '../../core/message-catalogue';

/** What 科技服务 says to users: refusals naming the field, notices and reminders. */
export const SERVICES_MESSAGES = {
  eventFull: ({ left }: { left: number }) => ({
    zh: `名额已满：本次活动仅剩 ${left} 个名额，请减少参会人数或选择其他活动`,
    en: `Not enough places: ${left} left for this event`,
  }),
  signupClosed: { zh: '报名已截止或活动已结束', en: 'Sign-up has closed or the event is over' },
  alreadySignedUp: {
    zh: '本企业已报名本次活动，可在“我的报名”中查看',
    en: 'Your enterprise has already signed up',
  },
  codeNotOfEvent: {
    zh: '签到码不属于本次活动，请核对后重新输入',
    en: 'This check-in code belongs to another event',
  },
  alreadyCheckedIn: { zh: '该签到码已签到，请勿重复签到', en: 'Already checked in with this code' },
  checkInNotToday: { zh: '只能在活动当天签到', en: 'Check-in is open on the day of the event only' },
  feedbackBeforeCheckIn: { zh: '签到参会后才能填写评价', en: 'Feedback can be given after checking in' },
  eventNotOver: { zh: '活动尚未举办，暂不能评价', en: 'The event has not taken place yet' },
  capacityBelowSignups: ({ taken }: { taken: number }) => ({
    zh: `：已有 ${taken} 人报名，名额不能少于已报名人数`,
    en: `cannot be below the ${taken} people signed up`,
  }),
  unknownType: { zh: '：活动类型不存在', en: 'is not an event type' },
  unknownCampaign: { zh: '：调研活动不存在', en: 'is not a campaign' },
  unknownDepartment: { zh: '：责任单位不存在', en: 'is not a department' },
  unknownEnterprise: { zh: '：不在企业库中', en: 'is not in the enterprise registry' },
  notATarget: { zh: '：不在本次调研的走访名单中', en: 'is not on this campaign’s target list' },
  visitOutsideCampaign: { zh: '：不在调研活动的起止日期内', en: 'is outside the campaign’s dates' },
  measureRequired: { zh: '：请填写整改措施后再答复', en: 'a measure is required' },
  problemSubject: ({ serial }: { serial: number }) => ({
    zh: `问题台账第 ${serial} 号`,
    en: `Problem ledger no. ${serial}`,
  }),
  reminderTitle: ({ title }: { title: string }) => ({
    zh: `活动提醒：${title} 明天举行`,
    en: `Reminder: ${title} is tomorrow`,
  }),
  extensionRequestTitle: ({ serial }: { serial: number }) => ({
    zh: `延期申请：问题台账第 ${serial} 号`,
    en: `Extension asked for: problem no. ${serial}`,
  }),
  dueSoonTitle: ({ serial, dueOn }: { serial: number; dueOn: string }) => ({
    zh: `即将到期：问题台账第 ${serial} 号应于 ${dueOn} 前办结`,
    en: `Due soon: problem no. ${serial} is due on ${dueOn}`,
  }),
  overdueTitle: ({ serial, dueOn }: { serial: number; dueOn: string }) => ({
    zh: `已超期：问题台账第 ${serial} 号时限为 ${dueOn}`,
    en: `Overdue: problem no. ${serial} was due on ${dueOn}`,
  }),
  outsideAudience: ({ audience }: { audience: { zh: string; en: string } }) => ({
    zh: `本次活动仅面向${audience.zh}，贵企业不在报名范围内`,
    en: `This event is open to ${audience.en} only; your enterprise is outside its audience`,
  }),
  questionAnswered: {
    zh: '：该问题已有解答，请刷新后查看',
    en: 'has already been answered; reload to read it',
  },
  questionNotAnswered: {
    zh: '：问题尚未解答，解答后才能公开为常见问题',
    en: 'must be answered before it is published as an FAQ',
  },
  questionAnsweredTitle: ({ title }: { title: string }) => ({
    zh: `您的提问已解答：${title}`,
    en: `Your question has been answered: ${title}`,
  }),
  questionRoutedTitle: ({ title }: { title: string }) => ({
    zh: `转办答疑：${title}`,
    en: `Question routed to your department: ${title}`,
  }),
} satisfies MessageCatalogue;
