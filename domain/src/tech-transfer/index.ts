export * from './amounts';
export * from './categories';
export * from './exemption';
export * from './messages';
export * from './regions';
export * from './registration-number';
export * from './schemas';
export * from './sla';
