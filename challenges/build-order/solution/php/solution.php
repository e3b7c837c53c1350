<?php
// Print the deployment order of services (smallest name first among the ready ones), or CYCLE.

// Each service's dependencies: the union of all its lines (as keys, so repeats count once).
// Names are array keys: PHP turns a name like "42" into the integer 42, so cast back when needed.
$dependencies = [];
while (($line = fgets(STDIN)) !== false) {
    if (trim($line) === '') {
        continue;
    }
    [$name, $rest] = explode(':', $line, 2) + ['', ''];
    $name = trim($name);
    $dependencies[$name] ??= [];
    foreach (preg_split('/\s+/', $rest, -1, PREG_SPLIT_NO_EMPTY) as $need) {
        $dependencies[$name][$need] = true;
    }
}

// Services by rank in byte order.
$names = array_map('strval', array_keys($dependencies));
sort($names, SORT_STRING);
$rank = array_flip($names);
$count = count($names);
$waiting = array_fill(0, $count, 0);
$dependents = array_fill(0, $count, []);
foreach ($names as $i => $name) {
    foreach ($dependencies[$name] as $need => $_) {
        if (isset($rank[$need])) {  // otherwise an external service, already running
            $waiting[$i]++;
            $dependents[$rank[$need]][] = $i;
        }
    }
}

$ready = new SplMinHeap();
foreach ($waiting as $i => $needs) {
    if ($needs === 0) {
        $ready->insert($i);
    }
}
$order = [];
while (!$ready->isEmpty()) {
    $i = $ready->extract();
    $order[] = $names[$i];
    foreach ($dependents[$i] as $dependent) {
        if (--$waiting[$dependent] === 0) {
            $ready->insert($dependent);
        }
    }
}

echo count($order) < $count ? "CYCLE\n" : implode("\n", $order) . "\n";
