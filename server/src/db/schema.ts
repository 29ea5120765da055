/**
 * Every table of the one schema (PostgreSQL dialect, on PGlite or a server), by line of work;
 * migrations are generated from this file with drizzle-kit.
 */
export * from './tables/core';
export * from './tables/cultivation';
export * from './tables/indicators';
export * from './tables/plans';
export * from './tables/platform-applications';
export * from './tables/platform-evaluations';
export * from './tables/platforms';
export * from './tables/policies';
export * from './tables/reports';
export * from './tables/reviews';
export * from './tables/services';
export * from './tables/supervision';
export * from './tables/talent';
export * from './tables/tech-matching';
export * from './tables/tech-transfer';
export * from './tables/university-cooperations';
