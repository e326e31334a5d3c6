// The catalogue contract, re-exported for the renderer beside contract.ts.
export * from '../../electron/contract/catalog.js';
