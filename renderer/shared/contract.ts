// The hall API contract (zod schemas, types, the desktop bridges' shapes), re-exported for the renderer
// so that every screen imports it from one place.
export * from '../../electron/contract/api.js';
export * from '../../electron/contract/field-issues.js';
export * from '../../electron/contract/desktop.js';
export * from '../../electron/contract/events.js';
