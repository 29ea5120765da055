export * from './application-content';
export * from './budget-scaling';
export * from './plan';
export * from './project-number';
export * from './submission-check';
export * from './supervision';
export * from './working-days';
