import type { CooperationInput } from '@kechuang/domain';
import type { RequestContext } from '../../core/context';
import type { Transaction } from '../../db/connection';
import { createCooperation } from './cooperation-service';

type Plan = Pick<CooperationInput, 'partnerName' | 'partnerKind' | 'form' | 'title' | 'signedOn'>;

/**
 * The universities and institutes brought in: in 2020 four partners (one branch); in the first half
 * of 2021 seven partners — 山东大学 and 曲阜师范大学 twice — and four branches landed, the seed's
 * "对接高校7家，落地高校分支机构4家".
 */
const PLANS: Plan[] = [
  {
    partnerName: '山东大学',
    partnerKind: 'university',
    form: 'agreement',
    title: '智能制造产学研合作协议',
    signedOn: '2020-05-12',
  },
  {
    partnerName: '济宁医学院',
    partnerKind: 'university',
    form: 'joint-lab',
    title: '生物医药联合实验室',
    signedOn: '2020-07-08',
  },
  {
    partnerName: '山东理工大学',
    partnerKind: 'university',
    form: 'branch',
    title: '山东理工大学任城技术转移分中心',
    signedOn: '2020-09-21',
  },
  {
    partnerName: '中国矿业大学',
    partnerKind: 'university',
    form: 'agreement',
    title: '煤机装备技术合作协议',
    signedOn: '2020-11-16',
  },
  {
    partnerName: '山东大学',
    partnerKind: 'university',
    form: 'branch',
    title: '山东大学任城智能制造研究院',
    signedOn: '2021-01-18',
  },
  {
    partnerName: '曲阜师范大学',
    partnerKind: 'university',
    form: 'agreement',
    title: '新材料领域全面合作协议',
    signedOn: '2021-02-26',
  },
  {
    partnerName: '哈尔滨工业大学',
    partnerKind: 'university',
    form: 'branch',
    title: '哈尔滨工业大学机器人技术济宁分中心',
    signedOn: '2021-03-15',
  },
  {
    partnerName: '天津大学',
    partnerKind: 'university',
    form: 'joint-institute',
    title: '天津大学—任城区高端化工共建研究院',
    signedOn: '2021-04-09',
  },
  {
    partnerName: '曲阜师范大学',
    partnerKind: 'university',
    form: 'joint-lab',
    title: '功能材料联合实验室',
    signedOn: '2021-04-27',
  },
  {
    partnerName: '山东科技大学',
    partnerKind: 'university',
    form: 'branch',
    title: '山东科技大学任城技术转移中心',
    signedOn: '2021-05-19',
  },
  {
    partnerName: '中国科学院自动化研究所',
    partnerKind: 'institute',
    form: 'branch',
    title: '中科院自动化所济宁创新中心',
    signedOn: '2021-06-10',
  },
  {
    partnerName: '山东农业大学',
    partnerKind: 'university',
    form: 'transfer-center',
    title: '现代农业技术转移工作站',
    signedOn: '2021-06-25',
  },
];

export async function seedCooperationsDemo(
  tx: Transaction,
  options: { context: RequestContext; partners: { id: number; street: string | null }[] },
): Promise<void> {
  for (const [index, plan] of PLANS.entries()) {
    const partner = options.partners[index % options.partners.length];
    await createCooperation(tx, {
      input: {
        ...plan,
        endedOn: null,
        enterpriseId: partner?.id ?? null,
        platformId: null,
        street: partner?.street ?? null,
        contactName: '刘主任',
        contactPhone: `0537-2211${300 + index}`,
        note: '',
      },
      context: options.context,
    });
  }
}
