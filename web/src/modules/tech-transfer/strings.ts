import { contractsEn, contractsZhCN } from './contract-strings';

/** Strings of 技术转移, one file per part: Chinese (the default) first, English with the same keys. */
const zhCN = { ...contractsZhCN };

/** The type makes a key missing in English an error. */
const en: typeof zhCN = { ...contractsEn };

export const techTransferStrings = { zhCN, en };
