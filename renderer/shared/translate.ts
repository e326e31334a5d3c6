import type { TFunction } from 'i18next';

/** The plain shape of t() that the contract's describeIssue and our pure helpers take. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function asTranslate(t: TFunction): Translate {
  return (key, options) => (options ? t(key, options) : t(key)) as string;
}
