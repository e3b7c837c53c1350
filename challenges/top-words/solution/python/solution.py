"""Print the k most frequent words of the text on stdin."""

import re
import sys
from collections import Counter


def main():
    k = int(sys.stdin.readline())
    counts = Counter(re.findall(r"[a-z]+", sys.stdin.read().lower()))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    sys.stdout.write("".join(f"{word} {count}\n" for word, count in ranked[:k]))


if __name__ == "__main__":
    main()
