"""Print the k most frequent words of the text on stdin."""

import re
import sys
from collections import Counter


def main():
    k = int(sys.stdin.buffer.readline())
    # bytes.lower() folds ASCII only: a Kelvin sign or a dotted capital I is not a letter here.
    counts = Counter(word.decode() for word in re.findall(rb"[a-z]+", sys.stdin.buffer.read().lower()))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    sys.stdout.write("".join(f"{word} {count}\n" for word, count in ranked[:k]))


if __name__ == "__main__":
    main()
