// Inventory REST API: an HTTP service on the JDK's com.sun.net.httpserver (see the statement).
//
// Run it yourself with `javac -d out *.java && PORT=8080 java -cp out Main`, then e.g.
// `curl -i localhost:8080/items`. There are no libraries besides the JDK; Json.java (next to this
// file, compiled with it) reads and writes JSON.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

public class Main {
    // sku -> item. The server below answers on several threads: guard shared state (synchronized).
    static final Map<String, Map<String, Object>> items = new TreeMap<>();

    // Tips:
    //  - exchange.getRequestMethod() is the method, exchange.getRequestURI().getRawPath() the path
    //    as sent (still percent-encoded), getRawQuery() the query (or null).
    //  - new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) is the body;
    //    Json.parse(...) turns it into Maps, Lists, Strings, Longs (integers), Doubles (1.5, 2.0),
    //    Booleans and nulls, or throws Json.ParseException. Json.isInteger(value) is true only for
    //    integers: not for 1.5, true or "3".
    //  - Headers go in exchange.getResponseHeaders() before sendResponseHeaders(status, length);
    //    a length of -1 means no body (for a 204), 0 would mean "chunked".
    static void serve(HttpExchange exchange) throws IOException {
        try {
            String message = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            send(exchange, 501, Json.object("error", Json.object("code", "not_implemented", "message", message)));
        } finally {
            exchange.close();
        }
    }

    /** Answers with a JSON body (or none, when body is null). */
    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] data = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, data.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(data);
        }
    }

    public static void main(String[] args) throws IOException {
        String host = System.getenv().getOrDefault("HOST", "");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        InetSocketAddress address = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        HttpServer server = HttpServer.create(address, 64);
        server.createContext("/", Main::serve);                 // every path comes to serve()
        server.setExecutor(Executors.newFixedThreadPool(4));   // without one, requests wait for each other
        server.start();
        System.out.println("inventory service listening on " + address);
    }
}
