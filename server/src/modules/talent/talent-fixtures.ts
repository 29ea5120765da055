import { computeIdNumberCheckCharacter, type TalentChannel } from '@kechuang/domain';
import type { App } from '../../core/module';
import type { Session } from '../../test/factories';

let sequence = 0;

/** A valid 身份证号 of someone born in `birthYear`, different on every call. */
export function validIdNumber(birthYear = 1985): string {
  sequence += 1;
  const first17 = `370811${birthYear}0101${String(100 + (sequence % 900)).padStart(3, '0')}`;
  return `${first17}${computeIdNumberCheckCharacter(first17)}`;
}

export function passportNumber(): string {
  sequence += 1;
  return `E${String(10_000_000 + sequence * 7919 + process.pid).slice(-8)}`;
}

export async function channelId(app: App, session: Session, code: string): Promise<number> {
  const response = await app.inject({
    method: 'GET',
    url: '/api/talent/channels',
    headers: { cookie: session.cookie },
  });
  const channel = (response.json().items as TalentChannel[]).find((item) => item.code === code);
  if (!channel) throw new Error(code);
  return channel.id;
}

/** A domestic talent's form, employed by `enterpriseId`. */
export function domesticInput(options: { enterpriseId: number; channelId: number }) {
  return {
    name: '李明',
    gender: 'male',
    birthYear: 1985,
    origin: 'domestic',
    nationality: '中国',
    idType: 'id-card',
    idNumber: validIdNumber(1985),
    degree: 'doctor',
    title: '正高级工程师',
    field: '高端装备',
    employerEnterpriseId: options.enterpriseId,
    employerPlatformId: null,
    position: '研发总监',
    arrivalDate: '2020-03-01',
    contact: '13805371234',
    channelId: options.channelId,
    discovery: '企业走访摸排',
    employmentMode: 'fulltime',
    foreign: null,
  };
}

/** A foreign talent's form: a 40-year-old doctor on 30 万 with 8 years' experience (B, 75 points, without a wage base). */
export function foreignInput(options: { enterpriseId: number; channelId: number }) {
  return {
    ...domesticInput(options),
    name: 'Hans Müller',
    birthYear: 1980,
    origin: 'foreign',
    nationality: '德国',
    idType: 'passport',
    idNumber: passportNumber(),
    contact: 'hans@example.de',
    foreign: {
      annualSalaryFen: 30_000_000,
      relevantYears: 8,
      workMonths: 12,
      chineseLevel: 0,
      aQualifications: [],
      bonusItems: [],
      skillCertificate: false,
      languageTeacher: false,
      shortTermOrQuota: false,
      localBonus: 0,
      permitNo: null,
      permitValidUntil: null,
    },
  };
}
