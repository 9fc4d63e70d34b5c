export * from './errors.js';
export * from './quiz.js';
export * from './client-events.js';
export * from './server-events.js';
export * from './socket-types.js';
