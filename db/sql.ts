// The tagged `sql` helper: sql`SELECT * FROM users WHERE id = ${id}` becomes a query with bound
// parameters, never text built from input. Fragments nest, so optional filters compose safely.
import type { Db } from './connection.js';
import type Database from 'better-sqlite3-multiple-ciphers';

type Bindable = string | number | bigint | Buffer | null;

export class SqlFragment {
  constructor(
    readonly text: string,
    readonly params: readonly Bindable[],
  ) {}
}

function toBindable(value: unknown): Bindable {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`cannot bind a value of type ${typeof value} in sql`);
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  let text = strings[0] ?? '';
  const params: Bindable[] = [];
  values.forEach((value, i) => {
    if (value instanceof SqlFragment) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(toBindable(value));
    }
    text += strings[i + 1] ?? '';
  });
  return new SqlFragment(text, params);
}

/** Joins fragments with a separator (`, ` or ` AND `); the separator is code, never input. */
sql.join = (fragments: readonly SqlFragment[], separator: string): SqlFragment =>
  new SqlFragment(
    fragments.map((f) => f.text).join(separator),
    fragments.flatMap((f) => f.params),
  );

sql.empty = new SqlFragment('', []);

/** An identifier chosen by code from a fixed list (a sort column), checked against that list. */
sql.identifier = (name: string, allowed: readonly string[]): SqlFragment => {
  if (!allowed.includes(name)) throw new Error(`identifier ${name} is not allowed here`);
  return new SqlFragment(`"${name}"`, []);
};

// Preparing is the costly part of a small query; statements are cached per connection by their text.
const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

function prepare(db: Db, text: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let stmt = cache.get(text);
  if (!stmt) {
    stmt = db.prepare(text);
    if (cache.size > 500) cache.clear();
    cache.set(text, stmt);
  }
  return stmt;
}

export function run(db: Db, query: SqlFragment): Database.RunResult {
  return prepare(db, query.text).run(...query.params);
}

export function get<T>(db: Db, query: SqlFragment): T | undefined {
  return prepare(db, query.text).get(...query.params) as T | undefined;
}

export function all<T>(db: Db, query: SqlFragment): T[] {
  return prepare(db, query.text).all(...query.params) as T[];
}

export function* iterate<T>(db: Db, query: SqlFragment): Generator<T> {
  // iterate() holds the statement busy, so it gets its own statement, not the cached one.
  yield* db.prepare(query.text).iterate(...query.params) as IterableIterator<T>;
}
