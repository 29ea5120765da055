export * from './conditions';
export * from './describe';
export * from './fields';
export * from './matching-schemas';
export * from './messages';
export * from './payouts';
export * from './schemas';
export * from './types';
