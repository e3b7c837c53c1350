'use strict';
/**
 * User directory backed by SQLite (node-sqlite3), safe against SQL injection.
 *
 * Every value reaches SQLite as a bound parameter. The only SQL fragments that cannot be
 * parameters (the ORDER BY column and direction) come from fixed allow-lists, never from the
 * caller's text.
 */

const sqlite3 = require('sqlite3');

const SCHEMA = `
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL DEFAULT 'member'
)`;

const PUBLIC_COLUMNS = 'id, name, email, role';

// Caller-facing name -> SQL text. Only these strings are ever spliced into a query. A Map, not an
// object: 'constructor' or '__proto__' must not be found in it.
const SORT_COLUMNS = new Map([['id', 'id'], ['name', 'name'], ['email', 'email'], ['role', 'role']]);
const SORT_ORDERS = new Map([['asc', 'ASC'], ['desc', 'DESC']]);
const MAX_LIMIT = 100;

/** A LIKE pattern matching `term` literally anywhere in the value (escape character: backslash). */
function likePattern(term) {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function run(db, sql, params) {
  return new Promise((resolve, reject) => {
    db.run(sql, params, function done(error) {
      if (error) reject(error);
      else resolve({ lastID: this.lastID, changes: this.changes });
    });
  });
}

function get(db, sql, params) {
  return new Promise((resolve, reject) => {
    db.get(sql, params, (error, row) => (error ? reject(error) : resolve(row === undefined ? null : row)));
  });
}

function all(db, sql, params) {
  return new Promise((resolve, reject) => {
    db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows)));
  });
}

/** Users of one tenant, in a private in-memory SQLite database. */
class UserDirectory {
  constructor() {
    this.db = new sqlite3.Database(':memory:');
    this.db.serialize();          // statements run one after another, in the order they are issued
    this.db.run(SCHEMA);
  }

  /** Inserts a user; resolves to its new id. Rejects (code EMAIL_TAKEN) if the email is already taken. */
  async addUser(name, email, passwordHash, role = 'member') {
    try {
      const result = await run(this.db, 'INSERT INTO users (name, email, password_hash, role) VALUES (?, ?, ?, ?)',
        [name, email, passwordHash, role]);
      return result.lastID;
    } catch (error) {
      if (error.code === 'SQLITE_CONSTRAINT') {
        throw Object.assign(new Error(`email already registered: ${email}`), { code: 'EMAIL_TAKEN' });
      }
      throw error;
    }
  }

  /** The user with this id, or null (also for anything that is not an integer number). */
  async getUser(userId) {
    if (!Number.isInteger(userId)) return null;
    return get(this.db, `SELECT ${PUBLIC_COLUMNS} FROM users WHERE id = ?`, [userId]);
  }

  /** Users whose name contains `term` literally (ASCII case-insensitive), sorted, at most `limit`. */
  async search(term, { sortBy = 'name', order = 'asc', limit = 20 } = {}) {
    const column = typeof sortBy === 'string' ? SORT_COLUMNS.get(sortBy) : undefined;
    if (column === undefined) throw new RangeError(`cannot sort by ${String(sortBy)}; allowed: id, name, email, role`);
    const direction = typeof order === 'string' ? SORT_ORDERS.get(order.toLowerCase()) : undefined;
    if (direction === undefined) throw new RangeError(`order must be 'asc' or 'desc', not ${String(order)}`);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new RangeError(`limit must be an integer in 1..${MAX_LIMIT}, not ${String(limit)}`);
    }
    if (typeof term !== 'string') throw new TypeError('term must be a string');
    return all(this.db, `SELECT ${PUBLIC_COLUMNS} FROM users WHERE name LIKE ? ESCAPE '\\' `
      + `ORDER BY ${column} ${direction}, id ASC LIMIT ?`, [likePattern(term), limit]);
  }

  /** The user with exactly this email and password hash, or null. */
  async login(email, passwordHash) {
    return get(this.db, `SELECT ${PUBLIC_COLUMNS} FROM users WHERE email = ? AND password_hash = ?`,
      [email, passwordHash]);
  }

  /** Changes a user's display name; resolves to true if the user exists. */
  async renameUser(userId, newName) {
    if (!Number.isInteger(userId)) return false;
    const result = await run(this.db, 'UPDATE users SET name = ? WHERE id = ?', [newName, userId]);
    return result.changes > 0;
  }
}

module.exports = { UserDirectory };
