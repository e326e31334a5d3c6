// Types of heap-snapshot.mjs for the benches and tests (the script itself is plain JavaScript).
export interface HeapSnapshot {
  count: number;
  type(i: number): string;
  name(i: number): string;
  id(i: number): number;
  size(i: number): number;
  retainer(i: number): number;
  path(i: number, depth?: number): string;
}
export declare function parseHeapSnapshot(text: string): HeapSnapshot;
export declare function selfSizeByType(snapshot: HeapSnapshot): Map<string, number>;
