// Print the deployment order of services (smallest name first among the ready ones), or CYCLE.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, line := range strings.Split(string(input), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, rest, _ := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		needs := strings.Fields(rest)
		// TODO: collect each service's dependencies, then print a valid order (or CYCLE).
		_, _ = name, needs // Go rejects unused variables: remove this line once you use them.
	}
}
