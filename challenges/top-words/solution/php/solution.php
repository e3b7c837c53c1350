<?php
// Print the k most frequent words of the text on stdin.
[$first, $text] = explode("\n", stream_get_contents(STDIN), 2) + ['', ''];
$k = (int) trim($first);

preg_match_all('/[a-z]+/', strtolower($text), $matches);
$counts = array_count_values($matches[0]);

// Most frequent first, then alphabetical (byte order).
$words = array_keys($counts);
$frequencies = array_values($counts);
array_multisort($frequencies, SORT_DESC, SORT_NUMERIC, $words, SORT_ASC, SORT_STRING);

$out = '';
foreach (array_slice($words, 0, $k) as $i => $word) {
    $out .= $word . ' ' . $frequencies[$i] . "\n";
}
echo $out;
