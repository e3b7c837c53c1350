// Print the k most frequent words of the text on stdin.
const input = require('fs').readFileSync(0, 'latin1');
const newline = input.indexOf('\n');
const k = parseInt(newline < 0 ? input : input.slice(0, newline), 10);
const text = newline < 0 ? '' : input.slice(newline + 1);

// TODO: count the words of `text` and print the k most frequent, one "word count" per line.
