// The queue contract, re-exported for the renderer beside contract.ts.
export * from '../../electron/contract/queue.js';
