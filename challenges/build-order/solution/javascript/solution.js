// Print the deployment order of services (smallest name first among the ready ones), or CYCLE.
const lines = require('fs').readFileSync(0, 'utf8').split('\n');

// Each service's dependencies: the union of all its lines.
const dependencies = new Map();
for (const line of lines) {
  if (!line.trim()) continue;
  const colon = line.indexOf(':');
  const name = (colon < 0 ? line : line.slice(0, colon)).trim();
  const rest = colon < 0 ? '' : line.slice(colon + 1);
  if (!dependencies.has(name)) dependencies.set(name, new Set());
  const needs = dependencies.get(name);
  for (const need of rest.split(/\s+/)) {
    if (need) needs.add(need);
  }
}

// Services by rank in byte order (names are ASCII: code-unit order is byte order).
const names = [...dependencies.keys()].sort();
const rank = new Map(names.map((name, i) => [name, i]));
const waiting = new Int32Array(names.length);
const dependents = names.map(() => []);
names.forEach((name, i) => {
  for (const need of dependencies.get(name)) {
    const j = rank.get(need);
    if (j === undefined) continue; // an external service, already running
    waiting[i]++;
    dependents[j].push(i);
  }
});

// A binary min-heap of ranks: the smallest ready name first.
const heap = [];
function push(value) {
  let i = heap.push(value) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= value) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = value;
}
function pop() {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0) {
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && heap[child + 1] < heap[child]) child++;
      if (heap[child] >= last) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
  }
  return top;
}

for (let i = 0; i < names.length; i++) {
  if (waiting[i] === 0) push(i);
}
const order = [];
while (heap.length > 0) {
  const i = pop();
  order.push(names[i]);
  for (const dependent of dependents[i]) {
    if (--waiting[dependent] === 0) push(dependent);
  }
}

process.stdout.write(order.length < names.length ? 'CYCLE\n' : order.map((name) => name + '\n').join(''));
