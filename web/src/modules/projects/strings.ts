import { planEn, planZhCN } from './plan-strings';
import { supervisionEn, supervisionZhCN } from './supervision-strings';

/** Strings of plan projects and their supervision, one file per part. */
const zhCN = { ...supervisionZhCN, ...planZhCN };

/** The type makes a key missing in English an error. */
const en: typeof zhCN = { ...supervisionEn, ...planEn };

export const projectsStrings = { zhCN, en };
