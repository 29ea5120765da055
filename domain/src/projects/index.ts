export * from './application-content';
export * from './plan';
export * from './supervision';
