'use strict';
/** Worked examples from the statement (JavaScript). */

const { test } = require('node:test');
const assert = require('node:assert');
const { UserDirectory } = require('./solution');

async function makeDirectory() {
  const users = new UserDirectory();
  assert.strictEqual(await users.addUser('Alice Smith', 'alice@example.com', 'h-alice', 'admin'), 1);
  assert.strictEqual(await users.addUser("Bob O'Brien", 'bob@example.com', 'h-bob'), 2);
  assert.strictEqual(await users.addUser('Sale 100% off', 'promo@example.com', 'h-promo'), 3);
  return users;
}

const ids = (users) => users.map((user) => user.id);

test('search and login', async () => {
  const users = await makeDirectory();
  assert.deepStrictEqual(ids(await users.search('o')), [2, 3]);
  assert.deepStrictEqual(ids(await users.search('100%')), [3]);
  assert.deepStrictEqual(ids(await users.search('', { sortBy: 'id', order: 'desc', limit: 2 })), [3, 2]);
  assert.deepStrictEqual(await users.login('bob@example.com', 'h-bob'),
    { id: 2, name: "Bob O'Brien", email: 'bob@example.com', role: 'member' });
});

test('injection attempts from the example', async () => {
  const users = await makeDirectory();
  assert.strictEqual(await users.login("alice@example.com' --", 'anything'), null);
  await assert.rejects(users.search('a', { sortBy: 'password_hash' }), RangeError);
});
