import type { ApplicationContent } from '@kechuang/domain';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { fenToWan, wanToFen } from './plan-shared';

/** The 申报书 as the form edits it: dates as dayjs, money in 万元. */
export type MoneyRow = { category: string; fiscalWan: number; selfRaisedWan: number; otherWan: number };
export interface FormValues extends Omit<ApplicationContent, 'budget' | 'basics'> {
  basics: Omit<ApplicationContent['basics'], 'startOn' | 'endOn'> & {
    startOn: dayjs.Dayjs | null;
    endOn: dayjs.Dayjs | null;
  };
  budget: {
    rows: MoneyRow[];
    totals: { fiscalWan: number | null; selfRaisedWan: number | null; otherWan: number | null };
  };
}

export function toFormValues(content: ApplicationContent): FormValues {
  return {
    ...content,
    basics: {
      ...content.basics,
      startOn: content.basics.startOn ? dayjs(content.basics.startOn) : null,
      endOn: content.basics.endOn ? dayjs(content.basics.endOn) : null,
    },
    budget: {
      rows: content.budget.rows.map((row) => ({
        category: row.category,
        fiscalWan: fenToWan(row.fiscalFen),
        selfRaisedWan: fenToWan(row.selfRaisedFen),
        otherWan: fenToWan(row.otherFen),
      })),
      totals: content.budget.totals
        ? {
            fiscalWan: fenToWan(content.budget.totals.fiscalFen),
            selfRaisedWan: fenToWan(content.budget.totals.selfRaisedFen),
            otherWan: fenToWan(content.budget.totals.otherFen),
          }
        : { fiscalWan: null, selfRaisedWan: null, otherWan: null },
    },
  };
}

export function toContent(values: FormValues): ApplicationContent {
  const totals = values.budget?.totals;
  const hasTotals =
    totals &&
    [totals.fiscalWan, totals.selfRaisedWan, totals.otherWan].some(
      (value) => value !== null && value !== undefined,
    );
  return {
    basics: {
      title: values.basics?.title ?? '',
      industry: values.basics?.industry ?? null,
      summary: values.basics?.summary ?? '',
      startOn: values.basics?.startOn ? values.basics.startOn.format('YYYY-MM-DD') : null,
      endOn: values.basics?.endOn ? values.basics.endOn.format('YYYY-MM-DD') : null,
      partners: values.basics?.partners ?? [],
    },
    team: (values.team ?? []).filter(Boolean).map((member) => ({
      name: member.name ?? '',
      role: member.role ?? 'member',
      idNumber: member.idNumber || null,
      title: member.title ?? '',
      organisation: member.organisation ?? '',
      workloadMonths: member.workloadMonths ?? 0,
      task: member.task ?? '',
    })),
    budget: {
      rows: (values.budget?.rows ?? []).filter(Boolean).map((row) => ({
        category: row.category as ApplicationContent['budget']['rows'][number]['category'],
        fiscalFen: wanToFen(row.fiscalWan),
        selfRaisedFen: wanToFen(row.selfRaisedWan),
        otherFen: wanToFen(row.otherWan),
      })),
      totals: hasTotals
        ? {
            fiscalFen: wanToFen(totals.fiscalWan),
            selfRaisedFen: wanToFen(totals.selfRaisedWan),
            otherFen: wanToFen(totals.otherWan),
          }
        : null,
    },
    milestones: (values.milestones ?? [])
      .filter(Boolean)
      .map((milestone) => ({ dueOn: milestone.dueOn ?? '', description: milestone.description ?? '' })),
    targets: (values.targets ?? []).filter(Boolean).map((target) => ({
      name: target.name ?? '',
      kind: target.kind ?? 'technical',
      unit: target.unit ?? '',
      value: target.value ?? '',
    })),
    attachments: values.attachments ?? [],
    excludedExperts: (values.excludedExperts ?? []).filter(Boolean).map((expert) => ({
      name: expert.name ?? '',
      organisation: expert.organisation ?? '',
      reason: expert.reason ?? '',
    })),
    talentBundle: values.talentBundle
      ? {
          talentId: values.talentBundle.talentId ?? null,
          platformId: values.talentBundle.platformId ?? null,
          projectId: values.talentBundle.projectId ?? null,
          role: values.talentBundle.role ?? '',
        }
      : null,
  };
}

export const MONEY_KEYS = [
  ['fiscalWan', 'fiscalFen'],
  ['selfRaisedWan', 'selfRaisedFen'],
  ['otherWan', 'otherFen'],
] as const;

/** Server paths name the content's fields (`budget.totals.fiscalFen`); the form edits 万元 under its own names. */
function toFormPath(path: string): string {
  let formPath = path.replace(/^content\./, '');
  for (const [wanKey, fenKey] of MONEY_KEYS) formPath = formPath.replace(fenKey, wanKey);
  return formPath;
}

/** Shows the server's findings on the form's fields. */
export function markFields(form: FormInstance<FormValues>, details: { path: string; message: string }[]) {
  const fields = details.map((item) => ({
    name: toFormPath(item.path)
      .split('.')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors: [item.message],
  }));
  (form as unknown as FormInstance).setFields(fields);
}
