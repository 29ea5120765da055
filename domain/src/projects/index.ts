export * from './application-content';
export * from './budget-scaling';
export * from './plan';
export * from './submission-check';
export * from './supervision';
export * from './working-days';
export * from './project-number';
