// The bilingual text types on their own, so message files that i18n.ts gathers can use them
// without importing i18n.ts back.

export type Language = 'zh-CN' | 'en';

export interface Text {
  zh: string;
  en: string;
}

/** Labels that differ by form: the `name` of an enterprise is its 企业名称, of a district its 区县名称. */
export type FieldLabels = Record<string, Text>;
