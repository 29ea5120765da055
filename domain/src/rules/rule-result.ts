import type { Text } from '../i18n';

/** `unknown`: the figures or declarations needed to decide are not there yet; it is not a failure. */
export type ConditionStatus = 'met' | 'notMet' | 'unknown';

/** What is missing and by how much, with the exact quantity for sorting and exports. */
export interface RuleGap {
  text: Text;
  /** Money still to add (or to shed), exact 分. */
  amountFen?: number;
  /** People or IP items still to add, or people over a limit. */
  count?: number;
  points?: number;
  days?: number;
}

/** One condition of a policy, as a row of the 体检 table. */
export interface RuleCondition {
  code: string;
  label: Text;
  status: ConditionStatus;
  /** The enterprise's value, e.g. "3.2%"; null when unknown. */
  actual: Text | null;
  /** What the policy asks, e.g. "≥5%". */
  required: Text;
  gap: RuleGap | null;
}

/** A score the expert picks within a band; computed items have a band, expert-only items the full range. */
export interface ScoreRange {
  min: number;
  max: number;
}
