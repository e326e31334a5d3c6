// The sync contract, for the operator screens (zod schemas and types only).
export * from '../../../electron/contract/sync.js';
