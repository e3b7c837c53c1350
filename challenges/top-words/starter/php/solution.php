<?php
// Print the k most frequent words of the text on stdin.
[$first, $text] = explode("\n", stream_get_contents(STDIN), 2) + ['', ''];
$k = (int) trim($first);

// TODO: count the words of $text and print the k most frequent, one "word count" per line.
