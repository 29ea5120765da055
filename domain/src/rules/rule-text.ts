import type { Text } from '../i18n';

/** Shorthand for the many bilingual strings of the rules; kept out of the domain's public exports. */
export function text(zh: string, en: string): Text {
  return { zh, en };
}
