export * from './default-template';
export * from './placeholders';
export * from './schemas';
