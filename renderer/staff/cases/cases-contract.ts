// The cases contract, for the back-office screens (zod schemas, types and the state machine table).
export * from '../../../electron/contract/cases.js';
