<?php
// Print the deployment order of services (smallest name first among the ready ones), or CYCLE.
while (($line = fgets(STDIN)) !== false) {
    if (trim($line) === '') {
        continue;
    }
    [$name, $rest] = explode(':', $line, 2) + ['', ''];
    $name = trim($name);
    $needs = preg_split('/\s+/', $rest, -1, PREG_SPLIT_NO_EMPTY);
    // TODO: collect each service's dependencies, then print a valid order (or CYCLE).
}
