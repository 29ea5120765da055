import { describeIssue, type FieldLabels } from '@kechuang/domain';
import type { FormRule } from 'antd';
import { currentLanguage } from './i18n';

type Issue = Parameters<typeof describeIssue>[0];

/** The part of a zod schema the form needs; keeps the web free of a direct zod import. */
interface ParsableSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}

/**
 * An antd rule that checks a field with the domain's zod schema, so the form refuses what the
 * server would refuse, with the same Chinese message naming the field.
 * Empty inputs are passed as `undefined`, so optional fields may stay empty.
 */
export function zodRule(
  schema: ParsableSchema,
  fieldName?: string,
  /** Turns the control's value into what the schema reads (a dayjs into 'YYYY-MM-DD'). */
  toSchemaInput?: (value: unknown) => unknown,
  /** Labels of this form where they differ from the defaults, e.g. ENTERPRISE_FIELD_LABELS. */
  labels?: FieldLabels,
): FormRule {
  return {
    validator: async (rule, value: unknown) => {
      const prepared =
        toSchemaInput && value !== undefined && value !== null && value !== '' ? toSchemaInput(value) : value;
      const input = prepared === '' || prepared === null ? undefined : prepared;
      const result = schema.safeParse(input);
      if (result.success) return;
      const issue = result.error.issues[0];
      const name = fieldName ?? (rule as { field?: string }).field;
      const path = name ? [name, ...issue.path] : issue.path;
      throw new Error(describeIssue({ ...issue, path } as Issue, currentLanguage(), labels));
    },
  };
}
