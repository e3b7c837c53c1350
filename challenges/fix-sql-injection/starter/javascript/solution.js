'use strict';
/**
 * User directory backed by SQLite (Debian's node-sqlite3 binding: `require('sqlite3')`).
 *
 * A security review found SQL injection in this module. Fix it without changing the public API
 * (see the statement). Only Node's built-in modules and `sqlite3` may be used.
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

/** db.run as a promise of { lastID, changes }. */
function run(db, sql, params = []) {
  return new Promise((resolve, reject) => {
    db.run(sql, params, function done(error) {
      if (error) reject(error);
      else resolve({ lastID: this.lastID, changes: this.changes });
    });
  });
}

/** db.get as a promise of the first row (undefined if none). */
function get(db, sql, params = []) {
  return new Promise((resolve, reject) => {
    db.get(sql, params, (error, row) => (error ? reject(error) : resolve(row)));
  });
}

/** db.all as a promise of every row. */
function all(db, sql, params = []) {
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
      const result = await run(this.db, 'INSERT INTO users (name, email, password_hash, role) '
        + `VALUES ('${name}', '${email}', '${passwordHash}', '${role}')`);
      return result.lastID;
    } catch (error) {
      if (error.code === 'SQLITE_CONSTRAINT') {
        throw Object.assign(new Error(`email already registered: ${email}`), { code: 'EMAIL_TAKEN' });
      }
      throw error;
    }
  }

  /** The user with this id, or null. */
  async getUser(userId) {
    const row = await get(this.db, `SELECT ${PUBLIC_COLUMNS} FROM users WHERE id = ${userId}`);
    return row === undefined ? null : row;
  }

  /** Users whose name contains `term` (ASCII case-insensitive), sorted, at most `limit`. */
  async search(term, { sortBy = 'name', order = 'asc', limit = 20 } = {}) {
    return all(this.db, `SELECT ${PUBLIC_COLUMNS} FROM users WHERE name LIKE '%${term}%' `
      + `ORDER BY ${sortBy} ${order}, id ASC LIMIT ${limit}`);
  }

  /** The user with exactly this email and password hash, or null. */
  async login(email, passwordHash) {
    const row = await get(this.db, `SELECT ${PUBLIC_COLUMNS} FROM users `
      + `WHERE email = '${email}' AND password_hash = '${passwordHash}'`);
    return row === undefined ? null : row;
  }

  /** Changes a user's display name; resolves to true if the user exists. */
  async renameUser(userId, newName) {
    const result = await run(this.db, `UPDATE users SET name = '${newName}' WHERE id = ${userId}`);
    return result.changes > 0;
  }
}

module.exports = { UserDirectory };
