// Print the k most frequent words of the text on stdin.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
)

func isLetter(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	first, text, _ := bytes.Cut(input, []byte("\n"))
	k, err := strconv.Atoi(string(bytes.TrimSpace(first)))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	counts := make(map[string]int)
	for i := 0; i < len(text); {
		if !isLetter(text[i]) {
			i++
			continue
		}
		start := i
		for ; i < len(text) && isLetter(text[i]); i++ {
			text[i] |= 0x20 // ASCII lower case
		}
		counts[string(text[start:i])]++
	}

	type entry struct {
		word  string
		count int
	}
	ranked := make([]entry, 0, len(counts))
	for word, count := range counts {
		ranked = append(ranked, entry{word, count})
	}
	sort.Slice(ranked, func(i, j int) bool {
		if ranked[i].count != ranked[j].count {
			return ranked[i].count > ranked[j].count
		}
		return ranked[i].word < ranked[j].word
	})
	if len(ranked) > k {
		ranked = ranked[:k]
	}

	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, e := range ranked {
		fmt.Fprintf(out, "%s %d\n", e.word, e.count)
	}
}
