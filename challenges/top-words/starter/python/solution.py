"""Print the k most frequent words of the text on stdin."""

import sys


def main():
    k = int(sys.stdin.readline())
    text = sys.stdin.read()
    # TODO: count the words of `text` and print the k most frequent, one "word count" per line.


if __name__ == "__main__":
    main()
