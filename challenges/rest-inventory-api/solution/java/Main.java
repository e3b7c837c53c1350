// Inventory REST API (reference): the JDK's com.sun.net.httpserver, items in memory, Json.java for JSON.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Main {
    static final Pattern SKU = Pattern.compile("[A-Z0-9-]{1,32}");
    static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    static final Set<String> ITEM_FIELDS = Set.of("sku", "name", "quantity", "price_cents");
    static final int MAX_BODY = 1 << 20;

    record Item(String sku, String name, long quantity, long priceCents) {
        Map<String, Object> toJson() {
            return Json.object("sku", sku, "name", name, "quantity", quantity, "price_cents", priceCents);
        }
    }

    // sku -> item, in sku order. The server answers on several threads: every use holds its lock.
    static final TreeMap<String, Item> items = new TreeMap<>();

    /** An error answer: status, code, message and, for validation, the bad fields. */
    static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;
        final Map<String, String> fields;
        final Map<String, String> headers = new LinkedHashMap<>();

        ApiError(int status, String code, String message, Map<String, String> fields) {
            super(message);
            this.status = status;
            this.code = code;
            this.fields = fields;
        }

        ApiError(int status, String code, String message) {
            this(status, code, message, null);
        }

        Map<String, Object> body() {
            Map<String, Object> error = Json.object("code", code, "message", getMessage());
            if (fields != null) {
                error.put("fields", fields);
            }
            return Json.object("error", error);
        }
    }

    /** A successful answer. */
    record Answer(int status, Object body, Map<String, String> headers) {
        Answer(int status, Object body) {
            this(status, body, Map.of());
        }
    }

    /** What an endpoint gets: the sku in the path (or null), the query and the request's body. */
    record Request(String sku, Map<String, String> query, String rawBody) {
        Map<String, Object> body() {
            Object value;
            try {
                value = Json.parse(rawBody);
            } catch (Json.ParseException error) {
                throw new ApiError(400, "invalid_json", "the body is not JSON: " + error.getMessage());
            }
            Map<String, Object> object = Json.asObject(value);
            if (object == null) {
                throw new ApiError(400, "invalid_json", "the body must be a JSON object");
            }
            return object;
        }
    }

    interface Endpoint {
        Answer handle(Request request);
    }

    // ---------------------------------------------------------------- validation

    static String countProblem(Map<String, Object> body, String field) {
        if (!body.containsKey(field)) {
            return "required";
        }
        Object value = body.get(field);
        if (value instanceof Long && (Long) value >= 0) {
            return null;
        }
        if (value instanceof BigInteger && ((BigInteger) value).signum() > 0) {
            return "must be at most " + Long.MAX_VALUE;
        }
        return "must be an integer >= 0";
    }

    static Item checkItem(String sku, Map<String, Object> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!SKU.matcher(sku).matches()) {
            fields.put("sku", "must be 1 to 32 characters among A-Z, 0-9 and -");
        } else if (body.containsKey("sku") && !sku.equals(body.get("sku"))) {
            fields.put("sku", "must equal the sku in the URL");
        }
        Object name = body.get("name");
        if (!body.containsKey("name")) {
            fields.put("name", "required");
        } else if (!(name instanceof String) || ((String) name).isBlank()
                || ((String) name).codePointCount(0, ((String) name).length()) > 100) {
            fields.put("name", "must be a string of 1 to 100 characters, not only spaces");
        }
        for (String field : List.of("quantity", "price_cents")) {
            String problem = countProblem(body, field);
            if (problem != null) {
                fields.put(field, problem);
            }
        }
        for (String field : new TreeSet<>(body.keySet())) {
            if (!ITEM_FIELDS.contains(field)) {
                fields.put(field, "unknown field");
            }
        }
        if (!fields.isEmpty()) {
            throw new ApiError(422, "validation_failed", "the item is not valid", fields);
        }
        return new Item(sku, (String) name, (Long) body.get("quantity"), (Long) body.get("price_cents"));
    }

    static int queryNumber(Map<String, String> query, String name, int fallback, int low, int high) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        if (!DIGITS.matcher(value).matches() || Long.parseLong(value) < low || Long.parseLong(value) > high) {
            throw new ApiError(400, "invalid_query", name + " must be an integer from " + low + " to " + high);
        }
        return Integer.parseInt(value);
    }

    static Item found(String sku) {
        Item item = items.get(sku);
        if (item == null) {
            throw new ApiError(404, "not_found", "no item '" + sku + "'");
        }
        return item;
    }

    // ---------------------------------------------------------------- endpoints

    static Answer listItems(Request request) {
        int limit = queryNumber(request.query(), "limit", 20, 1, 100);
        int offset = queryNumber(request.query(), "offset", 0, 0, Integer.MAX_VALUE);
        synchronized (items) {
            List<Map<String, Object>> page = new ArrayList<>();
            int index = 0;
            for (Item item : items.values()) {
                if (page.size() == limit) {
                    break;
                }
                if (index++ >= offset) {
                    page.add(item.toJson());
                }
            }
            return new Answer(200, Json.object("items", page, "total", items.size(), "limit", limit, "offset", offset));
        }
    }

    static Answer getItem(Request request) {
        synchronized (items) {
            return new Answer(200, found(request.sku()).toJson());
        }
    }

    static Answer putItem(Request request) {
        Item item = checkItem(request.sku(), request.body());
        synchronized (items) {
            boolean replaced = items.put(item.sku(), item) != null;
            if (replaced) {
                return new Answer(200, item.toJson());
            }
            return new Answer(201, item.toJson(), Map.of("Location", "/items/" + item.sku()));
        }
    }

    static Answer deleteItem(Request request) {
        synchronized (items) {
            found(request.sku());
            items.remove(request.sku());
            return new Answer(204, null);
        }
    }

    static Answer adjustStock(Request request) {
        Object delta = request.body().get("delta");
        if (!(delta instanceof Long) || (Long) delta == 0) {
            throw new ApiError(422, "validation_failed", "the adjustment is not valid",
                    Map.of("delta", "must be a non-zero integer"));
        }
        synchronized (items) {
            Item item = found(request.sku());
            long quantity;
            try {
                quantity = Math.addExact(item.quantity(), (Long) delta);
            } catch (ArithmeticException overflow) {
                throw new ApiError(422, "validation_failed", "the adjustment is not valid",
                        Map.of("delta", "the quantity would be too large"));
            }
            if (quantity < 0) {
                throw new ApiError(409, "insufficient_stock", "only " + item.quantity() + " in stock");
            }
            Item adjusted = new Item(item.sku(), item.name(), quantity, item.priceCents());
            items.put(adjusted.sku(), adjusted);
            return new Answer(200, adjusted.toJson());
        }
    }

    /** A path pattern (capturing the sku) and its endpoints, in the order the Allow header lists them. */
    record Route(Pattern pattern, Map<String, Endpoint> methods) {
    }

    static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/items"), ordered("GET", (Endpoint) Main::listItems)),
            new Route(Pattern.compile("/items/([^/]+)"), ordered("GET", (Endpoint) Main::getItem,
                    "PUT", (Endpoint) Main::putItem, "DELETE", (Endpoint) Main::deleteItem)),
            new Route(Pattern.compile("/items/([^/]+)/adjustments"), ordered("POST", (Endpoint) Main::adjustStock)));

    static Map<String, Endpoint> ordered(Object... methodsAndEndpoints) {
        Map<String, Endpoint> map = new LinkedHashMap<>();
        for (int i = 0; i < methodsAndEndpoints.length; i += 2) {
            map.put((String) methodsAndEndpoints[i], (Endpoint) methodsAndEndpoints[i + 1]);
        }
        return map;
    }

    // ---------------------------------------------------------------- HTTP

    /** Percent-decoding; `plus` also turns '+' into a space (as in a query). Malformed: the text as it is. */
    static String decode(String text, boolean plus) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plus) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** The query's parameters, the first value of each. */
    static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            query.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1), true));
        }
        return query;
    }

    static Answer dispatch(HttpExchange exchange, byte[] rawBody) {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        for (Route route : ROUTES) {
            Matcher match = route.pattern().matcher(path == null ? "" : path);
            if (!match.matches()) {
                continue;
            }
            Endpoint endpoint = route.methods().get(method);
            if (endpoint == null) {
                ApiError error = new ApiError(405, "method_not_allowed", path + " does not take " + method);
                error.headers.put("Allow", String.join(", ", route.methods().keySet()));
                throw error;
            }
            String sku = match.groupCount() > 0 ? decode(match.group(1), false) : null;
            Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
            return endpoint.handle(new Request(sku, query, new String(rawBody, StandardCharsets.UTF_8)));
        }
        throw new ApiError(404, "not_found", "no such path: " + path);
    }

    static void send(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);      // -1: no body (0 would mean "chunked")
            exchange.close();
            return;
        }
        byte[] data = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, data.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(data);
        }
    }

    static void serve(HttpExchange exchange) throws IOException {
        try {
            byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            Answer answer;
            try {
                if (raw.length > MAX_BODY) {
                    throw new ApiError(400, "invalid_json", "the body is larger than " + MAX_BODY + " bytes");
                }
                answer = dispatch(exchange, raw);
            } catch (ApiError error) {
                send(exchange, error.status, error.body(), error.headers);
                return;
            }
            send(exchange, answer.status(), answer.body(), answer.headers());
        } catch (RuntimeException unexpected) {
            unexpected.printStackTrace();
            send(exchange, 500, new ApiError(500, "internal_error", "something went wrong").body(), Map.of());
        } finally {
            exchange.close();
        }
    }

    public static void main(String[] args) throws IOException {
        String host = System.getenv().getOrDefault("HOST", "");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        InetSocketAddress address = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        HttpServer server = HttpServer.create(address, 64);
        server.createContext("/", Main::serve);
        server.setExecutor(Executors.newFixedThreadPool(4));   // without one, requests wait for each other
        server.start();
        System.out.println("inventory service listening on " + address);
    }
}
