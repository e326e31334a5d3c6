// The order of the categories a window serves is the order it calls them in, so the picker keeps a
// list, not a set: add at the end, remove, move one step up or down. Pure; each returns a new list.

export function addItem<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? [...list] : [...list, item];
}

export function removeItem<T>(list: readonly T[], item: T): T[] {
  return list.filter((x) => x !== item);
}

/** Swaps the item at `index` with its neighbour; at either end the list is returned unchanged. */
export function moveItem<T>(list: readonly T[], index: number, direction: 'up' | 'down'): T[] {
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/** What can still be added, in the order of `all`. */
export function notYetChosen<T>(all: readonly T[], chosen: readonly T[]): T[] {
  return all.filter((x) => !chosen.includes(x));
}
