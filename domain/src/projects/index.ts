export * from './application-content';
export * from './plan';
