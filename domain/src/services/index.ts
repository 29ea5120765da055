export * from './messages';
export * from './rules';
export * from './schemas';
export * from './types';
export * from './questions';
