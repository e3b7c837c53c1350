// Print the k most frequent words of the text on stdin.
// Read as latin1: one character per byte, so bytes outside ASCII are never letters.
const input = require('fs').readFileSync(0, 'latin1');
const newline = input.indexOf('\n');
const k = parseInt(newline < 0 ? input : input.slice(0, newline), 10);
const text = newline < 0 ? '' : input.slice(newline + 1);

const counts = new Map();
for (const word of text.toLowerCase().match(/[a-z]+/g) || []) {
  counts.set(word, (counts.get(word) || 0) + 1);
}

// Most frequent first, then alphabetical (words are unique: never equal).
const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
process.stdout.write(ranked.slice(0, k).map(([word, count]) => `${word} ${count}\n`).join(''));
