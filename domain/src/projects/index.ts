export * from './application-content';
export * from './plan';
export * from './submission-check';
