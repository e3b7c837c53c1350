// Inventory REST API: an HTTP service on Go's standard library (see the statement).
//
// Run it yourself with `PORT=8080 go run main.go`, then e.g. `curl -i localhost:8080/items`.
// Only the standard library is available (net/http, encoding/json, ...); it builds with CGO_ENABLED=0.
package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
)

// net/http answers every connection on a goroutine of its own: guard shared state with a mutex.
var (
	mu    sync.Mutex
	items = map[string]map[string]any{} // sku -> item
)

// Tips:
//   - r.Method is the method; r.URL.EscapedPath() the path as sent (r.URL.Path is already
//     percent-decoded) and r.URL.Query() the query; io.ReadAll(r.Body) reads the body.
//   - json.Unmarshal turns every JSON number into a float64, so 1 and 1.0 look alike. A
//     json.Decoder with UseNumber() keeps numbers as json.Number (their text): "1.5" is not an
//     integer, and strconv.ParseInt tells you whether the text is one. A JSON true is a bool.
//   - w.Header().Set(...) before w.WriteHeader(status); a 204 has no body.
//   - Go 1.19's http.ServeMux has no method or wildcard patterns: route by hand (strings.Split,
//     regexp, ...).

func serve(w http.ResponseWriter, r *http.Request) {
	send(w, http.StatusNotImplemented, map[string]any{
		"error": map[string]any{"code": "not_implemented", "message": r.Method + " " + r.URL.RequestURI()},
	})
}

// send answers with a JSON body (or none, when body is nil).
func send(w http.ResponseWriter, status int, body any) {
	if body == nil {
		w.WriteHeader(status)
		return
	}
	data, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(data)
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	listener, err := net.Listen("tcp", net.JoinHostPort(os.Getenv("HOST"), port))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("inventory service listening on", listener.Addr())
	fmt.Fprintln(os.Stderr, http.Serve(listener, http.HandlerFunc(serve)))
	os.Exit(1)
}
