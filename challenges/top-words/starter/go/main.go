// Print the k most frequent words of the text on stdin.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
)

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
	// TODO: count the words of `text` and print the k most frequent, one "word count" per line.
	_, _ = k, text // Go rejects unused variables: remove this line once you use them.
}
