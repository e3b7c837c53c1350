"""Print the deployment order of services (smallest name first among the ready ones), or CYCLE."""

import heapq
import sys


def main():
    dependencies = {}
    for line in sys.stdin:
        if not line.strip():
            continue
        name, _, rest = line.partition(":")
        dependencies.setdefault(name.strip(), set()).update(rest.split())
    waiting = {name: 0 for name in dependencies}
    dependents = {name: [] for name in dependencies}
    for name, needs in dependencies.items():
        for need in needs:
            if need in dependencies:
                waiting[name] += 1
                dependents[need].append(name)
    ready = [name for name, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        name = heapq.heappop(ready)
        order.append(name)
        for dependent in dependents[name]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                heapq.heappush(ready, dependent)
    if len(order) < len(dependencies):
        print("CYCLE")
    else:
        sys.stdout.write("".join(name + "\n" for name in order))


if __name__ == "__main__":
    main()
