'use strict';
/** Hidden tests for the fix-sql-injection challenge (JavaScript). */

const { test } = require('node:test');
const assert = require('node:assert');
const { UserDirectory } = require('./solution');

const ALICE = { id: 1, name: 'Alice Smith', email: 'alice@example.com', role: 'admin' };
const BOB = { id: 2, name: 'Bob Brown', email: 'bob@example.com', role: 'member' };
const CAROL = { id: 3, name: 'carol_jones', email: 'carol@example.com', role: 'member' };
const SALE = { id: 4, name: 'Sale 100% off', email: 'promo@example.com', role: 'member' };
const EVERYONE = [ALICE, BOB, CAROL, SALE];
const HASHES = { 1: 'h-alice', 2: 'h-bob', 3: 'h-carol', 4: 'h-promo' };

async function seeded() {
  const users = new UserDirectory();
  for (const user of EVERYONE) {
    assert.strictEqual(await users.addUser(user.name, user.email, HASHES[user.id], user.role), user.id);
  }
  return users;
}

/** Every user as stored, read through the public API. */
function snapshot(users) {
  return users.search('', { sortBy: 'id', limit: 100 });
}

async function assertUntouched(users, expected = EVERYONE) {
  assert.deepStrictEqual(await snapshot(users), expected);
  for (const user of expected) {
    if (HASHES[user.id]) assert.deepStrictEqual(await users.login(user.email, HASHES[user.id]), user);
  }
}

/** The error a call throws or rejects with, or null if it succeeds. */
async function failure(call) {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return null;
}

async function assertRangeError(call, what) {
  const error = await failure(call);
  assert.ok(error instanceof RangeError, `${what}: expected a RangeError, got ${error === null ? 'no error' : error}`);
}

test('normal behaviour', async () => {
  const users = await seeded();
  assert.deepStrictEqual(await users.getUser(2), BOB);
  assert.strictEqual(await users.getUser(99), null);
  assert.deepStrictEqual(await users.login('alice@example.com', 'h-alice'), ALICE);
  assert.strictEqual(await users.login('alice@example.com', 'h-bob'), null);
  assert.strictEqual(await users.login('ALICE@example.com', 'h-alice'), null);   // exact email match
  assert.deepStrictEqual(await users.search('SMITH'), [ALICE]);
  assert.deepStrictEqual(await users.search(''), [ALICE, BOB, SALE, CAROL]);  // by code point: "Sale..." < "carol_jones"
  assert.strictEqual(await users.renameUser(3, 'Carol Jones'), true);
  assert.deepStrictEqual(await users.getUser(3), { ...CAROL, name: 'Carol Jones' });
  assert.deepStrictEqual(await users.search(''), [ALICE, BOB, { ...CAROL, name: 'Carol Jones' }, SALE]);
  assert.strictEqual(await users.renameUser(42, 'Nobody'), false);
  assert.strictEqual(await users.addUser('Dave', 'dave@example.com', 'h-dave'), 5);
});

test('special characters round trip', async () => {
  const users = new UserDirectory();
  const names = [
    "Bob O'Brien",
    'The "Quoted" One',
    "'; DROP TABLE users; --",
    "Robert'); DELETE FROM users WHERE ('1'='1",
    "back\\slash \\' end",
    'semi;colon -- not a comment /* nor this */',
    'Zoë Ünïcødé 名前',
    '`backtick` ${not.a.template}',
  ];
  for (const [i, name] of names.entries()) {
    assert.strictEqual(await users.addUser(name, `o'user${i + 1}@example.com`, `hash'${i + 1}`, `role'${i + 1}`), i + 1);
  }
  for (const [i, name] of names.entries()) {
    const expected = { id: i + 1, name, email: `o'user${i + 1}@example.com`, role: `role'${i + 1}` };
    assert.deepStrictEqual(await users.getUser(i + 1), expected);
    assert.deepStrictEqual(await users.login(`o'user${i + 1}@example.com`, `hash'${i + 1}`), expected);
    assert.deepStrictEqual(await users.search(name), [expected]);
  }
  assert.strictEqual((await snapshot(users)).length, names.length);
});

test('login bypass payloads fail', async () => {
  const users = await seeded();
  const payloads = [
    ["alice@example.com' --", 'wrong'],
    ["alice@example.com'/*", "*/ OR '1'='1"],
    ["' OR '1'='1", "' OR '1'='1"],
    ['alice@example.com', "' OR '1'='1"],
    ['alice@example.com', "x' OR 1=1 --"],
    ["' OR 1=1 --", ''],
    ["nobody@example.com' OR role = 'admin' --", 'x'],
    ['" OR ""="', '" OR ""="'],
  ];
  for (const [email, passwordHash] of payloads) {
    assert.strictEqual(await users.login(email, passwordHash), null, `${email} / ${passwordHash}`);
  }
  await assertUntouched(users);
});

test('union select leaks nothing', async () => {
  const users = await seeded();
  assert.deepStrictEqual(await users.search("zzz%' UNION SELECT id, password_hash, email, role FROM users --"), []);
  assert.deepStrictEqual(await users.search("' UNION SELECT 1, sqlite_version(), 3, 4 --"), []);
  assert.deepStrictEqual(await users.search("x') UNION SELECT id, password_hash, email, role FROM users --"), []);
  assert.strictEqual(await users.login("x' UNION SELECT id, password_hash, email, role FROM users --", 'x'), null);
  assert.strictEqual(await users.getUser('0 UNION SELECT id, password_hash, email, role FROM users'), null);
  // The leaked columns must not appear anywhere in ordinary results either.
  for (const user of await snapshot(users)) {
    assert.deepStrictEqual(Object.keys(user).sort(), ['email', 'id', 'name', 'role']);
    assert.ok(!Object.values(user).some((value) => String(value).startsWith('h-')), JSON.stringify(user));
  }
});

test('destructive payloads change nothing', async () => {
  const users = await seeded();
  const drop = "'; DROP TABLE users; --";
  const remove = "x' OR 1=1; DELETE FROM users; --";
  for (const payload of [drop, remove, "x'); UPDATE users SET role = 'admin'; --"]) {
    assert.deepStrictEqual(await users.search(payload), []);
    assert.strictEqual(await users.login(payload, payload), null);
    assert.strictEqual(await users.getUser(payload), null);
    assert.strictEqual(await users.renameUser(payload, 'Mallory'), false);
  }
  await assertUntouched(users);
  // Stored as a name, the payload is just a name.
  assert.strictEqual(await users.addUser(drop, 'mallory@example.com', drop, drop), 5);
  const mallory = { id: 5, name: drop, email: 'mallory@example.com', role: drop };
  assert.deepStrictEqual(await users.getUser(5), mallory);
  assert.deepStrictEqual(await users.search('DROP TABLE'), [mallory]);
  assert.deepStrictEqual(await users.login('mallory@example.com', drop), mallory);
  await assertUntouched(users, [...EVERYONE, mallory]);
});

test('rename cannot escalate or touch other rows', async () => {
  const users = await seeded();
  const payloads = [
    "x', role = 'admin",
    "x', role = 'admin' WHERE 1=1 --",
    "x' --",
    "x', email = 'alice@example.com",
    "x', password_hash = 'h-alice",
  ];
  for (const payload of payloads) {
    assert.strictEqual(await users.renameUser(2, payload), true, payload);
    assert.deepStrictEqual(await users.getUser(2), { ...BOB, name: payload });
    assert.deepStrictEqual(await users.login('bob@example.com', 'h-bob'), { ...BOB, name: payload });
    const others = (await snapshot(users)).filter((user) => user.id !== 2);
    assert.deepStrictEqual(others, [ALICE, CAROL, SALE]);
  }
});

test('non-integer ids match nothing', async () => {
  const users = await seeded();
  for (const bad of ['1 OR 1=1', '1', '2; DROP TABLE users', '-1 OR id > 0', null, undefined, 1.5, [1], true, { id: 1 }]) {
    assert.strictEqual(await users.getUser(bad), null, String(bad));
    assert.strictEqual(await users.renameUser(bad, 'Pwned'), false, String(bad));
  }
  await assertUntouched(users);
});

test('LIKE wildcards are literal', async () => {
  const users = new UserDirectory();
  const names = ['100% cotton', '1000 cotton', 'snake_case', 'snakeXcase', 'back\\slash',
    'backslash', '50%_off', '50% off', 'Percent%Sign', 'under__score'];
  for (const [i, name] of names.entries()) await users.addUser(name, `u${i + 1}@example.com`, 'h');
  const found = async (term) => (await users.search(term, { limit: 100 })).map((user) => user.name).sort();

  assert.deepStrictEqual(await found('%'), ['100% cotton', '50%_off', '50% off', 'Percent%Sign'].sort());
  assert.deepStrictEqual(await found('0%'), ['100% cotton', '50%_off', '50% off'].sort());
  assert.deepStrictEqual(await found('_'), ['snake_case', '50%_off', 'under__score'].sort());
  assert.deepStrictEqual(await found('e_c'), ['snake_case']);
  assert.deepStrictEqual(await found('%_'), ['50%_off']);
  assert.deepStrictEqual(await found('__'), ['under__score']);
  assert.deepStrictEqual(await found('\\'), ['back\\slash']);
  assert.deepStrictEqual(await found('k\\s'), ['back\\slash']);
  assert.deepStrictEqual(await found('\\%'), []);
  assert.deepStrictEqual(await found('%%'), []);
  assert.deepStrictEqual(await found('PERCENT%sign'), ['Percent%Sign']);
  assert.deepStrictEqual(await found(''), [...names].sort());
});

test('sort column allow-list', async () => {
  const users = await seeded();
  for (const column of ['id', 'name', 'email', 'role']) {
    assert.strictEqual((await users.search('', { sortBy: column })).length, 4, column);
  }
  const refused = [
    'password_hash',
    'name; DROP TABLE users',
    'name DESC',
    'name --',
    "(CASE WHEN (SELECT substr(password_hash, 1, 1) FROM users WHERE id = 1) = 'h' THEN name ELSE email END)",
    '1',
    'rowid',
    'NAME',
    '',
    null,
    'constructor',
    '__proto__',
    'toString',
  ];
  for (const sortBy of refused) {
    await assertRangeError(() => users.search('', { sortBy }), `sortBy ${String(sortBy)}`);
  }
  await assertUntouched(users);
});

test('order and limit validation', async () => {
  const users = await seeded();
  assert.deepStrictEqual((await users.search('', { sortBy: 'id', order: 'DESC' })).map((u) => u.id), [4, 3, 2, 1]);
  assert.deepStrictEqual((await users.search('', { sortBy: 'id', order: 'Asc' })).map((u) => u.id), [1, 2, 3, 4]);
  for (const order of ['desc; DROP TABLE users', 'desc, (SELECT 1)', 'up', '', null, 1, 'constructor']) {
    await assertRangeError(() => users.search('', { order }), `order ${String(order)}`);
  }
  for (const limit of [0, -1, 101, true, '5', '5; DROP TABLE users', '1 UNION SELECT 1', 2.5, null]) {
    await assertRangeError(() => users.search('', { limit }), `limit ${String(limit)}`);
  }
  assert.strictEqual((await users.search('', { limit: 100 })).length, 4);
  assert.deepStrictEqual((await users.search('', { sortBy: 'id', limit: 1 })).map((u) => u.id), [1]);
  await assertUntouched(users);
});

test('sorting and tie breaks', async () => {
  const users = new UserDirectory();
  const rows = [['bob', 'z@x', 'member'], ['Zed', 'a@x', 'admin'], ['alice', 'm@x', 'member'],
    ['bob', 'b@x', 'admin'], ['Bob', 'c@x', 'member']];
  for (const [name, email, role] of rows) await users.addUser(name, email, 'h', role);
  const order = async (options) => (await users.search('', options)).map((user) => user.id);

  assert.deepStrictEqual(await order({ sortBy: 'name' }), [5, 2, 3, 1, 4]);
  assert.deepStrictEqual(await order({ sortBy: 'name', order: 'desc' }), [1, 4, 3, 2, 5]);
  assert.deepStrictEqual(await order({ sortBy: 'email' }), [2, 4, 5, 3, 1]);
  assert.deepStrictEqual(await order({ sortBy: 'role' }), [2, 4, 1, 3, 5]);
  assert.deepStrictEqual(await order({ sortBy: 'role', order: 'desc' }), [1, 3, 5, 2, 4]);
  assert.deepStrictEqual(await order({ sortBy: 'id', order: 'desc' }), [5, 4, 3, 2, 1]);
  assert.deepStrictEqual(await order({ sortBy: 'name', limit: 2 }), [5, 2]);
});

test('duplicate email rejected', async () => {
  const users = await seeded();
  await assert.rejects(users.addUser('Alice Again', 'alice@example.com', 'h'), { code: 'EMAIL_TAKEN' });
  assert.strictEqual(await users.addUser("Pat O'Neil", "pat.o'neil@example.com", 'h-pat'), 5);
  await assert.rejects(users.addUser('Pat Again', "pat.o'neil@example.com", 'h'), { code: 'EMAIL_TAKEN' });
  assert.strictEqual((await snapshot(users)).length, 5);
  assert.strictEqual(await users.addUser('Pat Too', "PAT.O'NEIL@example.com", 'h'), 6);   // exact match only
});

/** A seeded pseudo-random generator (mulberry32): the same users and queries on every run. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('large directory matches model', async () => {
  const random = generator(20240501);
  const integer = (low, high) => low + Math.floor(random() * (high - low + 1));
  const pick = (items) => items[integer(0, items.length - 1)];
  const alphabet = [..."abcXYZ_%\\' -;"];
  const text = (length) => Array.from({ length }, () => pick(alphabet)).join('');
  const users = new UserDirectory();
  const model = [];
  for (let i = 1; i <= 1500; i += 1) {
    const user = { id: i, name: text(integer(1, 8)), email: `user${i}'@example.com`, role: pick(['member', 'admin', 'auditor']) };
    assert.strictEqual(await users.addUser(user.name, user.email, `h${i}`, user.role), i);
    model.push(user);
  }
  const fold = (value) => value.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  for (let q = 0; q < 60; q += 1) {
    const term = text(integer(0, 2));
    const sortBy = pick(['id', 'name', 'email', 'role']);
    const order = pick(['asc', 'desc']);
    const limit = integer(1, 100);
    const sign = order === 'desc' ? -1 : 1;
    const expected = model.filter((user) => fold(user.name).includes(fold(term)))
      .sort((a, b) => sign * compare(a[sortBy], b[sortBy]) || a.id - b.id)
      .slice(0, limit);
    assert.deepStrictEqual(await users.search(term, { sortBy, order, limit }), expected,
      JSON.stringify({ term, sortBy, order, limit }));
  }
});
