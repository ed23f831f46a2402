export * from './decode';
export * from './parse';
export * from './normalise';
