export * from './application-content';
export * from './budget-scaling';
export * from './plan';
export * from './working-days';
