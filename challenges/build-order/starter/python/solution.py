"""Print the deployment order of services (smallest name first among the ready ones), or CYCLE."""

import sys


def main():
    for line in sys.stdin:
        name, _, rest = line.partition(":")
        # TODO: collect each service's dependencies, then print a valid order (or CYCLE).


if __name__ == "__main__":
    main()
