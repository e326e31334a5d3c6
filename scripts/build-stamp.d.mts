// Types of build-stamp.mjs for the tests (the script itself runs as plain JavaScript before any build).
export declare const SOURCE_DIRS: readonly string[];
export declare const SOURCE_FILES: readonly string[];
export declare const STAMP: string;
export declare function newestSourceMtime(root: string): number;
export declare function stampMtime(root: string): number | null;
export declare function buildNeeded(stampMs: number | null, newestSourceMs: number): boolean;
