export * from './application-schemas';
export * from './level-history';
export * from './messages';
export * from './requirement-schemas';
export * from './requirements';
export * from './schemas';
export * from './types';
