export * from './messages';
export * from './questions';
export * from './rules';
export * from './schemas';
export * from './types';
