import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { all, get, run, sql } from '../../db/sql.js';

describe('sql tagged template', () => {
  it('turns values into bound parameters, never into text', () => {
    const name = "x'); DROP TABLE users; --";
    const q = sql`SELECT * FROM users WHERE name = ${name} AND id > ${3}`;
    expect(q.text).toBe('SELECT * FROM users WHERE name = ? AND id > ?');
    expect(q.params).toEqual([name, 3]);
  });

  it('nests fragments with their parameters in order', () => {
    const filter = sql`role = ${'clerk'}`;
    const q = sql`SELECT id FROM users WHERE ${filter} AND active = ${true} LIMIT ${10}`;
    expect(q.text).toBe('SELECT id FROM users WHERE role = ? AND active = ? LIMIT ?');
    expect(q.params).toEqual(['clerk', 1, 10]);
  });

  it('joins fragments with a separator', () => {
    const q = sql.join([sql`a = ${1}`, sql`b = ${2}`, sql`c IS NULL`], ' AND ');
    expect(q.text).toBe('a = ? AND b = ? AND c IS NULL');
    expect(q.params).toEqual([1, 2]);
  });

  it('binds null, undefined, booleans, dates and buffers', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const q = sql`${null} ${undefined} ${false} ${at} ${Buffer.from('ab')}`;
    expect(q.params).toEqual([null, null, 0, '2026-01-02T03:04:05.000Z', Buffer.from('ab')]);
  });

  it('refuses values it cannot bind', () => {
    expect(() => sql`${{ a: 1 }}`).toThrow(TypeError);
  });

  it('allows identifiers only from a list', () => {
    expect(sql.identifier('due_at', ['due_at', 'id']).text).toBe('"due_at"');
    expect(() => sql.identifier('id; DROP', ['due_at', 'id'])).toThrow();
  });

  it('runs against SQLite: hostile text is stored as text', () => {
    const db = openDatabase(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
    const hostile = "a'); DROP TABLE t; --";
    run(db, sql`INSERT INTO t (name) VALUES (${hostile})`);
    run(db, sql`INSERT INTO t (name) VALUES (${'b'})`);
    expect(get<{ name: string }>(db, sql`SELECT name FROM t WHERE id = ${1}`)?.name).toBe(hostile);
    expect(all<{ id: number }>(db, sql`SELECT id FROM t ORDER BY id`).map((r) => r.id)).toEqual([1, 2]);
    db.close();
  });
});
