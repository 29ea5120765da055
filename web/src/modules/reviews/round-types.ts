/** What the round endpoints answer, as this page reads it. */
export interface Text {
  zh: string;
  en: string;
}
export interface AssignmentView {
  id: number;
  expertName: string;
  organisationName: string;
  status: string;
  source: string;
}
export interface RoundDetail {
  round: {
    id: number;
    title: string;
    mode: string;
    status: string;
    deadline: string;
    version: number;
    reviewersPerItem: number;
    loadCap: number;
    assignmentMethod: string | null;
    assignmentSeed: number | null;
  };
  items: { id: number; title: string; assignments: AssignmentView[] }[];
  progress: { assignments: number; submitted: number; pending: number; declined: number };
  allowedActions: string[];
}
export interface Job {
  id: number;
  status: string;
  done: number;
  total: number;
  seed: number | null;
  result: {
    picks?: { itemTitle: string; expertName: string; reason: Text }[];
    problems?: { items: { title: string }[]; reason: Text }[];
    totalAffinity?: number;
    worstServedItem?: { title: string; reason: Text } | null;
  } | null;
}
export interface Results {
  items: {
    itemId: number;
    title: string;
    rank: number | null;
    isTied: boolean;
    trimmedMean: number | null;
    mean: number | null;
    sheetCount: number;
    votes: { pass: number; fail: number };
    outliers: { reason: Text }[];
  }[];
}
export interface ConflictPair {
  itemId: number;
  expertId: number;
  itemTitle: string;
  expertName: string;
  isBlocking: boolean;
  conflicts: {
    type: string;
    label: Text;
    reason: Text;
    isOverridable: boolean;
    override: { reason: string } | null;
  }[];
}
