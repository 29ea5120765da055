import type { Text } from '@kechuang/domain';

/**
 * A module's messages to users, zh-CN and English side by side: a fixed text, or a function of the
 * figures of the case. Every function takes one object of parameters, so a check can render them all.
 */
export type MessageCatalogue = Record<string, Text | ((params: never) => Text)>;
