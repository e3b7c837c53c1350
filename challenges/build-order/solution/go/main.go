// Print the deployment order of services (smallest name first among the ready ones), or CYCLE.
package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// minHeap holds the ranks of the services that are ready, smallest first.
type minHeap []int

func (h minHeap) Len() int            { return len(h) }
func (h minHeap) Less(i, j int) bool  { return h[i] < h[j] }
func (h minHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *minHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	// Each service's dependencies: the union of all its lines.
	dependencies := make(map[string]map[string]struct{})
	for _, line := range strings.Split(string(input), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, rest, _ := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		needs, ok := dependencies[name]
		if !ok {
			needs = make(map[string]struct{})
			dependencies[name] = needs
		}
		for _, need := range strings.Fields(rest) {
			needs[need] = struct{}{}
		}
	}

	// Services by rank in byte order (Go compares strings byte by byte).
	names := make([]string, 0, len(dependencies))
	for name := range dependencies {
		names = append(names, name)
	}
	sort.Strings(names)
	rank := make(map[string]int, len(names))
	for i, name := range names {
		rank[name] = i
	}
	waiting := make([]int, len(names))
	dependents := make([][]int, len(names))
	for i, name := range names {
		for need := range dependencies[name] {
			if j, ok := rank[need]; ok { // otherwise an external service, already running
				waiting[i]++
				dependents[j] = append(dependents[j], i)
			}
		}
	}

	ready := &minHeap{}
	for i := range names {
		if waiting[i] == 0 {
			*ready = append(*ready, i)
		}
	}
	heap.Init(ready)
	order := make([]string, 0, len(names))
	for ready.Len() > 0 {
		i := heap.Pop(ready).(int)
		order = append(order, names[i])
		for _, dependent := range dependents[i] {
			waiting[dependent]--
			if waiting[dependent] == 0 {
				heap.Push(ready, dependent)
			}
		}
	}

	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if len(order) < len(names) {
		fmt.Fprintln(out, "CYCLE")
		return
	}
	for _, name := range order {
		out.WriteString(name)
		out.WriteByte('\n')
	}
}
