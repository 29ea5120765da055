export * from './format';
export * from './messages';
export * from './periods';
export * from './schemas';
