// Inventory REST API (reference): net/http and encoding/json, items in memory.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

const maxBody = 1 << 20 // bytes of a request body

var (
	skuPattern    = regexp.MustCompile(`^[A-Z0-9-]{1,32}$`)
	digits        = regexp.MustCompile(`^[0-9]+$`)
	integerNumber = regexp.MustCompile(`^-?[0-9]+$`) // a JSON number written without fraction or exponent
)

// Item is what the inventory keeps; the JSON names are the API's.
type Item struct {
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	Quantity   int64  `json:"quantity"`
	PriceCents int64  `json:"price_cents"`
}

// The inventory: net/http answers every connection on a goroutine of its own, so a mutex guards it.
var (
	mu    sync.Mutex
	items = map[string]Item{}
)

// apiError is an error answer: status, code, message and, for validation, the bad fields.
type apiError struct {
	status  int
	code    string
	message string
	fields  map[string]string
	headers map[string]string
}

func (e *apiError) Error() string { return e.message }

func fail(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

func invalid(message string, fields map[string]string) *apiError {
	return &apiError{status: 422, code: "validation_failed", message: message, fields: fields}
}

// ---------------------------------------------------------------- validation

// integer is a JSON value as an int64 when it is an integer (not a boolean, a string or 1.5).
func integer(value any) (int64, bool) {
	number, ok := value.(json.Number)
	if !ok || !integerNumber.MatchString(string(number)) {
		return 0, false
	}
	n, err := strconv.ParseInt(string(number), 10, 64)
	return n, err == nil
}

func checkItem(sku string, body map[string]any) (Item, *apiError) {
	fields := map[string]string{}
	if !skuPattern.MatchString(sku) {
		fields["sku"] = "must be 1 to 32 characters among A-Z, 0-9 and -"
	} else if given, ok := body["sku"]; ok && given != sku {
		fields["sku"] = "must equal the sku in the URL"
	}
	name, isString := body["name"].(string)
	if _, ok := body["name"]; !ok {
		fields["name"] = "required"
	} else if !isString || strings.TrimSpace(name) == "" || utf8.RuneCountInString(name) > 100 {
		fields["name"] = "must be a string of 1 to 100 characters, not only spaces"
	}
	counts := map[string]int64{}
	for _, field := range []string{"quantity", "price_cents"} {
		value, ok := body[field]
		n, isInteger := integer(value)
		switch {
		case !ok:
			fields[field] = "required"
		case !isInteger || n < 0:
			fields[field] = "must be an integer >= 0"
		}
		counts[field] = n
	}
	for field := range body {
		switch field {
		case "sku", "name", "quantity", "price_cents":
		default:
			fields[field] = "unknown field"
		}
	}
	if len(fields) > 0 {
		return Item{}, invalid("the item is not valid", fields)
	}
	return Item{SKU: sku, Name: name, Quantity: counts["quantity"], PriceCents: counts["price_cents"]}, nil
}

// queryNumber is the query parameter `name` as an integer from low to high, or `fallback` when absent.
func queryNumber(query url.Values, name string, fallback, low, high int) (int, *apiError) {
	values, ok := query[name]
	if !ok {
		return fallback, nil
	}
	n, err := strconv.Atoi(values[0])
	if !digits.MatchString(values[0]) || err != nil || n < low || n > high {
		return 0, fail(400, "invalid_query", "%s must be an integer from %d to %d", name, low, high)
	}
	return n, nil
}

// ---------------------------------------------------------------- endpoints

// A request as the endpoints see it: the path's sku (if any), the query and the body, parsed on demand.
type request struct {
	sku   string
	query url.Values
	body  func() (map[string]any, *apiError)
}

// A successful answer.
type answer struct {
	status  int
	body    any // nil: no body
	headers map[string]string
}

func found(sku string) (Item, *apiError) {
	item, ok := items[sku]
	if !ok {
		return Item{}, fail(404, "not_found", "no item %q", sku)
	}
	return item, nil
}

func listItems(r request) (answer, *apiError) {
	limit, err := queryNumber(r.query, "limit", 20, 1, 100)
	if err != nil {
		return answer{}, err
	}
	offset, err := queryNumber(r.query, "offset", 0, 0, math.MaxInt32)
	if err != nil {
		return answer{}, err
	}
	mu.Lock()
	defer mu.Unlock()
	skus := make([]string, 0, len(items))
	for sku := range items {
		skus = append(skus, sku)
	}
	sort.Strings(skus)
	page := []Item{}
	for i := offset; i < len(skus) && i < offset+limit; i++ {
		page = append(page, items[skus[i]])
	}
	return answer{status: 200, body: map[string]any{"items": page, "total": len(items), "limit": limit, "offset": offset}}, nil
}

func getItem(r request) (answer, *apiError) {
	mu.Lock()
	defer mu.Unlock()
	item, err := found(r.sku)
	if err != nil {
		return answer{}, err
	}
	return answer{status: 200, body: item}, nil
}

func putItem(r request) (answer, *apiError) {
	body, err := r.body()
	if err != nil {
		return answer{}, err
	}
	item, err := checkItem(r.sku, body)
	if err != nil {
		return answer{}, err
	}
	mu.Lock()
	defer mu.Unlock()
	_, exists := items[r.sku]
	items[r.sku] = item
	if exists {
		return answer{status: 200, body: item}, nil
	}
	return answer{status: 201, body: item, headers: map[string]string{"Location": "/items/" + r.sku}}, nil
}

func deleteItem(r request) (answer, *apiError) {
	mu.Lock()
	defer mu.Unlock()
	if _, err := found(r.sku); err != nil {
		return answer{}, err
	}
	delete(items, r.sku)
	return answer{status: 204}, nil
}

func adjustStock(r request) (answer, *apiError) {
	body, err := r.body()
	if err != nil {
		return answer{}, err
	}
	delta, ok := integer(body["delta"])
	if !ok || delta == 0 {
		return answer{}, invalid("the adjustment is not valid", map[string]string{"delta": "must be a non-zero integer"})
	}
	mu.Lock()
	defer mu.Unlock()
	item, err := found(r.sku)
	if err != nil {
		return answer{}, err
	}
	if delta > 0 && item.Quantity > math.MaxInt64-delta {
		return answer{}, invalid("the adjustment is not valid", map[string]string{"delta": "the quantity would be too large"})
	}
	if item.Quantity+delta < 0 {
		return answer{}, fail(409, "insufficient_stock", "only %d in stock", item.Quantity)
	}
	item.Quantity += delta
	items[r.sku] = item
	return answer{status: 200, body: item}, nil
}

type endpoint func(request) (answer, *apiError)

// A route: a path pattern (capturing the sku) and its endpoints, in the order the Allow header lists them.
type route struct {
	pattern *regexp.Regexp
	methods []string
	handle  map[string]endpoint
}

var routes = []route{
	{regexp.MustCompile(`^/items$`), []string{"GET"}, map[string]endpoint{"GET": listItems}},
	{regexp.MustCompile(`^/items/([^/]+)$`), []string{"GET", "PUT", "DELETE"},
		map[string]endpoint{"GET": getItem, "PUT": putItem, "DELETE": deleteItem}},
	{regexp.MustCompile(`^/items/([^/]+)/adjustments$`), []string{"POST"}, map[string]endpoint{"POST": adjustStock}},
}

// ---------------------------------------------------------------- HTTP

// parseBody is the request's body as a JSON object; numbers stay json.Number, so 1 and 1.5 differ.
func parseBody(raw []byte, readErr error) (map[string]any, *apiError) {
	if readErr != nil {
		return nil, fail(400, "invalid_json", "the body could not be read (at most %d bytes): %v", maxBody, readErr)
	}
	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		return nil, fail(400, "invalid_json", "the body is not JSON: %v", err)
	}
	if _, err := decoder.Token(); !errors.Is(err, io.EOF) {
		return nil, fail(400, "invalid_json", "the body is not JSON: there is more after the value")
	}
	object, ok := value.(map[string]any)
	if !ok {
		return nil, fail(400, "invalid_json", "the body must be a JSON object")
	}
	return object, nil
}

func dispatch(w http.ResponseWriter, r *http.Request) (answer, *apiError) {
	path := r.URL.EscapedPath() // still escaped: an escaped "/" inside a sku is not a separator
	for _, route := range routes {
		match := route.pattern.FindStringSubmatch(path)
		if match == nil {
			continue
		}
		handle, ok := route.handle[r.Method]
		if !ok {
			e := fail(405, "method_not_allowed", "%s does not take %s", path, r.Method)
			e.headers = map[string]string{"Allow": strings.Join(route.methods, ", ")}
			return answer{}, e
		}
		req := request{query: r.URL.Query()}
		if len(match) > 1 {
			sku, err := url.PathUnescape(match[1])
			if err != nil {
				sku = match[1] // a malformed escape is simply not a valid sku
			}
			req.sku = sku
		}
		raw, readErr := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		req.body = func() (map[string]any, *apiError) { return parseBody(raw, readErr) }
		return handle(req)
	}
	return answer{}, fail(404, "not_found", "no such path: %s", path)
}

func send(w http.ResponseWriter, status int, body any, headers map[string]string) {
	for name, value := range headers {
		w.Header().Set(name, value)
	}
	if body == nil {
		w.WriteHeader(status)
		return
	}
	data, err := json.Marshal(body)
	if err != nil {
		status, data = 500, []byte(`{"error": {"code": "internal_error", "message": "could not encode the answer"}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}

func serve(w http.ResponseWriter, r *http.Request) {
	result, err := dispatch(w, r)
	if err != nil {
		e := map[string]any{"code": err.code, "message": err.message}
		if err.fields != nil {
			e["fields"] = err.fields
		}
		send(w, err.status, map[string]any{"error": e}, err.headers)
		return
	}
	send(w, result.status, result.body, result.headers)
}

func main() {
	host, port := os.Getenv("HOST"), os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	listener, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("inventory service listening on", listener.Addr())
	fmt.Fprintln(os.Stderr, http.Serve(listener, http.HandlerFunc(serve)))
	os.Exit(1)
}
