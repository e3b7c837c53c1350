import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer (the JDK has none). You may use it as it is, change it or ignore it.
 *
 * <p>{@link #parse} maps JSON to Java like this:
 * <pre>
 *   object            Map&lt;String, Object&gt; (a LinkedHashMap: keys in the order written)
 *   array             List&lt;Object&gt;
 *   string            String
 *   1, -7, 0          Long (BigInteger when it does not fit in a long)
 *   1.5, 2.0, 1e3     Double: a number written with a fraction or an exponent is never a Long
 *   true / false      Boolean
 *   null              null (map.containsKey tells a null value from a missing key)
 * </pre>
 * Invalid JSON (and anything after the value but white space) throws {@link Json.ParseException}.
 *
 * <p>{@link #write} turns the same kinds of values (and any Number, Map or Iterable) into JSON text.
 *
 * <pre>
 *   Map&lt;String, Object&gt; body = Json.asObject(Json.parse("{\"delta\": -3}"));
 *   Object delta = body.get("delta");                 // Long -3
 *   Json.isInteger(delta);                            // true; false for 1.5, true (a Boolean), "3"
 *   Json.write(Json.object("sku", "A-1", "quantity", 3L));   // {"sku":"A-1","quantity":3}
 * </pre>
 */
public final class Json {
    private static final int MAX_DEPTH = 512;

    private Json() {
    }

    /** What {@link #parse} throws for text that is not JSON. */
    public static final class ParseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public ParseException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Whether a parsed value is a JSON integer: a Long or BigInteger (not a Double, Boolean or String). */
    public static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof BigInteger;
    }

    /** The value as a Map when it is a JSON object, else null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : null;
    }

    /** A map with the given keys and values, in that order: {@code object("a", 1L, "b", "x")}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("object() takes keys and values in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // ---------------------------------------------------------------- reading

    /** The value the JSON text describes; ParseException if it is not JSON. */
    public static Object parse(String text) {
        Parser parser = new Parser(text);
        parser.skipSpace();
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.at < text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
    }

    private static final class Parser {
        final String text;
        int at;

        Parser(String text) {
            this.text = text;
        }

        ParseException error(String message) {
            return new ParseException(message + " at character " + at);
        }

        void skipSpace() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                at++;
            }
        }

        char peek() {
            if (at >= text.length()) {
                throw error("unexpected end of the text");
            }
            return text.charAt(at);
        }

        void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            char c = peek();
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    return word("true", Boolean.TRUE);
                case 'f':
                    return word("false", Boolean.FALSE);
                case 'n':
                    return word("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        Object word(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected character '" + text.charAt(at) + "'");
            }
            at += word.length();
            return value;
        }

        Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a string as the key");
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                map.put(key, value(depth + 1));   // a repeated key keeps its last value
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            expect('[');
            skipSpace();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value(depth + 1));
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek();
                at++;
                if (c == '"') {
                    return out.toString();
                } else if (c < 0x20) {
                    at--;
                    throw error("control character in a string");
                } else if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = peek();
                at++;
                switch (escape) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u':
                        if (at + 4 > text.length()) {
                            throw error("unexpected end of the text");
                        }
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int digit = hexDigit(text.charAt(at + i));
                            if (digit < 0) {
                                throw error("bad \\u escape");
                            }
                            code = code * 16 + digit;
                        }
                        at += 4;
                        out.append((char) code);
                        break;
                    default:
                        at--;
                        throw error("bad escape '\\" + escape + "'");
                }
            }
        }

        Object number() {
            int start = at;
            boolean integer = true;
            if (peek() == '-') {
                at++;
            }
            if (peek() == '0') {
                at++;
            } else if (peek() >= '1' && peek() <= '9') {
                digits();
            } else {
                throw error("expected a digit");
            }
            if (at < text.length() && text.charAt(at) == '.') {
                integer = false;
                at++;
                if (at >= text.length() || text.charAt(at) < '0' || text.charAt(at) > '9') {
                    throw error("expected a digit after '.'");
                }
                digits();
            }
            if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                integer = false;
                at++;
                if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                    at++;
                }
                if (at >= text.length() || text.charAt(at) < '0' || text.charAt(at) > '9') {
                    throw error("expected a digit in the exponent");
                }
                digits();
            }
            String literal = text.substring(start, at);
            if (!integer) {
                return Double.parseDouble(literal);
            }
            BigInteger value = new BigInteger(literal);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }

        static int hexDigit(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }

        void digits() {
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /** The value as JSON text: Map (String keys), Iterable, array of Object, String, Number, Boolean, null. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            quote((String) value, out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("JSON has no " + number);
            }
            out.append(number);
        } else if (value instanceof Number) {
            out.append(value);      // Long, Integer, BigInteger, BigDecimal: their decimal text
        } else if (value instanceof Map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = ((Map<?, ?>) value).entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                if (!(entry.getKey() instanceof String)) {
                    throw new IllegalArgumentException("a JSON object's keys are strings, not " + entry.getKey());
                }
                quote((String) entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
                if (entries.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof Iterable || value instanceof Object[]) {
            Iterable<?> list = value instanceof Iterable ? (Iterable<?>) value : Arrays.asList((Object[]) value);
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(element, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
