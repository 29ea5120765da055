import { contractsEn, contractsZhCN } from './contract-strings';
import { techMatchingStrings } from './matching-strings';
import { techTransferStatisticsStrings } from './statistics-strings';

/** Strings of 技术转移, one file per part: Chinese (the default) first, English with the same keys. */
const zhCN = { ...contractsZhCN, ...techTransferStatisticsStrings.zhCN, ...techMatchingStrings.zhCN };

/** The type makes a key missing in English an error. */
const en: typeof zhCN = { ...contractsEn, ...techTransferStatisticsStrings.en, ...techMatchingStrings.en };

export const techTransferStrings = { zhCN, en };
