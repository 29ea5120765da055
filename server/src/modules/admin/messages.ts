import type { MessageCatalogue } from '../../core/message-catalogue';

/** What administration says to users: refusals naming the field. */
export const ADMIN_MESSAGES = {
  dateOutsideYear: ({ year }: { year: number }) => ({
    zh: `日期不在 ${year} 年内`,
    en: `Date is not in ${year}`,
  }),
  holidayAndWorkday: ({ day }: { day: string }) => ({
    zh: `${day} 不能同时是节假日和调休工作日`,
    en: `${day} is both a holiday and a workday`,
  }),
  enterpriseNotFound: { zh: '所属企业不存在', en: 'Enterprise not found' },
  departmentNotFound: { zh: '所属单位不存在', en: 'Department not found' },
  usernameTaken: { zh: '用户名已存在', en: 'User name taken' },
} satisfies MessageCatalogue;
