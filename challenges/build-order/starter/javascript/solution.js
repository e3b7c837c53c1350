// Print the deployment order of services (smallest name first among the ready ones), or CYCLE.
const lines = require('fs').readFileSync(0, 'utf8').split('\n');

for (const line of lines) {
  if (!line.trim()) continue;
  const colon = line.indexOf(':');
  const name = line.slice(0, colon).trim();
  const needs = line.slice(colon + 1).split(/\s+/).filter(Boolean);
  // TODO: collect each service's dependencies, then print a valid order (or CYCLE).
}
