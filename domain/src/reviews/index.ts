export * from './aggregation';
export * from './assignment';
export {
  type AssignmentExpert,
  type AssignmentInput,
  type AssignmentItem,
  type AssignmentProblem,
  type AssignmentProgress,
  type AssignmentStage,
  fieldAffinity,
  listSharedFields,
  MAX_AFFINITY,
} from './assignment-model';
export * from './conflict-schemas';
export * from './conflicts';
export * from './expert-fields';
export * from './identity';
export {
  createSeededRandom,
  DRAW_RANDOM_ALGORITHM,
  isValidDrawSeed,
  type SeededRandom,
} from './seeded-random';
