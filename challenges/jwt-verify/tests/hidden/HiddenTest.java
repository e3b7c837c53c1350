import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests for the jwt-verify challenge (Java).
 *
 * <p>Tokens are built with the tiny encoder below, never with the candidate's own sign() or Json.
 */
class HiddenTest {
    static final byte[] SECRET = concat("hidden-test-secret-".getBytes(StandardCharsets.US_ASCII), new byte[] {0, (byte) 0xff},
            "-bytes".getBytes(StandardCharsets.US_ASCII));
    static final long NOW = 1_700_000_000L;
    static final Map<String, Object> HS256 = map("alg", "HS256", "typ", "JWT");
    static final InvalidTokenException.Reason MALFORMED = InvalidTokenException.Reason.MALFORMED;
    static final InvalidTokenException.Reason UNSUPPORTED = InvalidTokenException.Reason.UNSUPPORTED_ALGORITHM;
    static final InvalidTokenException.Reason BAD_SIGNATURE = InvalidTokenException.Reason.BAD_SIGNATURE;
    static final InvalidTokenException.Reason EXPIRED = InvalidTokenException.Reason.EXPIRED;
    static final InvalidTokenException.Reason NOT_YET_VALID = InvalidTokenException.Reason.NOT_YET_VALID;
    static final InvalidTokenException.Reason BAD_AUDIENCE = InvalidTokenException.Reason.BAD_AUDIENCE;

    // ------------------------------------------------------------------ the tests' own encoder

    /** A LinkedHashMap of alternating keys and values (null values allowed, unlike Map.of). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.putAll(map(keysAndValues));
        return copy;
    }

    static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String b64url(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    static byte[] b64urlDecode(String segment) {
        return Base64.getUrlDecoder().decode(segment);
    }

    /** JSON text: "compact", "spaced" (indented, sorted keys) or "python" (Python's json.dumps default). */
    static String json(Object value, String style) {
        StringBuilder out = new StringBuilder();
        json(value, style, "", out);
        return out.toString();
    }

    static void json(Object value, String style, String indent, StringBuilder out) {
        boolean spaced = style.equals("spaced");
        String inner = indent + "  ";
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            quote((String) value, style.equals("python"), out);
        } else if (value instanceof Double) {
            out.append(BigDecimal.valueOf((Double) value).toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map) {
            Map<?, ?> map = spaced ? new TreeMap<>((Map<?, ?>) value) : (Map<?, ?>) value;
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : style.equals("compact") ? "," : spaced ? "," : ", ");
                if (spaced) {
                    out.append('\n').append(inner);
                }
                first = false;
                quote((String) entry.getKey(), style.equals("python"), out);
                out.append(style.equals("compact") ? ":" : ": ");
                json(entry.getValue(), style, inner, out);
            }
            if (spaced && !map.isEmpty()) {
                out.append('\n').append(indent);
            }
            out.append('}');
        } else if (value instanceof Collection) {
            out.append('[');
            boolean first = true;
            for (Object item : (Collection<?>) value) {
                out.append(first ? "" : style.equals("compact") ? "," : spaced ? "," : ", ");
                if (spaced) {
                    out.append('\n').append(inner);
                }
                first = false;
                json(item, style, inner, out);
            }
            if (spaced && !((Collection<?>) value).isEmpty()) {
                out.append('\n').append(indent);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(String.valueOf(value));
        }
    }

    static void quote(String text, boolean asciiOnly, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** base64url of a JSON value in the given style. */
    static String encode(Object value, String style) {
        return b64url(bytes(json(value, style)));
    }

    static String encode(Object value) {
        return encode(value, "compact");
    }

    static String encodeBytes(byte[] raw) {
        return b64url(raw);
    }

    static String mac(String signingInput, byte[] key, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return b64url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String mac(String signingInput) {
        return mac(signingInput, SECRET, "HmacSHA256");
    }

    static String makeToken(Object claims, Object header, byte[] key, String algorithm, String style) {
        String signingInput = encode(header, style) + "." + encode(claims, style);
        return signingInput + "." + mac(signingInput, key, algorithm);
    }

    static String makeToken(Object claims) {
        return makeToken(claims, HS256, SECRET, "HmacSHA256", "compact");
    }

    static String makeToken(Object claims, Object header) {
        return makeToken(claims, header, SECRET, "HmacSHA256", "compact");
    }

    static String signedWith(Object claims, byte[] key) {
        return makeToken(claims, HS256, key, "HmacSHA256", "compact");
    }

    /** A correctly signed token from already-encoded segments. */
    static String resign(String headerB64, String payloadB64, byte[] key) {
        String signingInput = headerB64 + "." + payloadB64;
        return signingInput + "." + mac(signingInput, key, "HmacSHA256");
    }

    static String show(String token) {
        return token == null ? "null" : token.substring(0, Math.min(120, token.length()));
    }

    /** The reason of the InvalidTokenException that verify throws. */
    static InvalidTokenException.Reason reason(String token, double now, String audience, double leeway) {
        try {
            Map<String, Object> claims = Jwt.verify(token, SECRET, now, audience, leeway);
            return fail("accepted " + show(token) + " with claims " + claims);
        } catch (InvalidTokenException e) {
            return e.reason();
        }
    }

    static InvalidTokenException.Reason reason(String token) {
        return reason(token, NOW, null, 0);
    }

    static InvalidTokenException.Reason reason(String token, String audience) {
        return reason(token, NOW, audience, 0);
    }

    static Map<String, Object> verify(String token, double now) throws InvalidTokenException {
        return Jwt.verify(token, SECRET, now, null, 0);
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void validTokensReturnClaims() throws Exception {
        Map<String, Object> claims = map("sub", "user-42", "iat", NOW - 10, "exp", NOW + 60, "nbf", NOW - 5,
                "scope", List.of("read", "write"), "name", "Zo\u00eb \u6771\u4eac",
                "meta", map("n", 1.5, "ok", true, "x", null));
        for (String style : new String[] {"compact", "spaced", "python"}) {
            assertEquals(claims, verify(makeToken(claims, HS256, SECRET, "HmacSHA256", style), NOW), style);
        }
        Map<String, Object> header = map("typ", "JWT", "kid", "2024-key", "alg", "HS256");   // extra fields, any order
        assertEquals(claims, verify(makeToken(claims, header), NOW));
        assertEquals(map(), verify(makeToken(map()), NOW));
        byte[] textSecret = bytes("p\u00e4ssw\u00f6rd-secret");
        assertEquals(map("sub", "a"), Jwt.verify(signedWith(map("sub", "a"), textSecret), textSecret, NOW, null, 0));
        assertEquals(map("sub", "a"), Jwt.verify(signedWith(map("sub", "a"), SECRET), SECRET, NOW));
    }

    @Test
    void signProducesStandardHs256Tokens() throws Exception {
        Map<String, Object> claims = map("sub", "user-7", "aud", List.of("api", "web"), "exp", NOW + 3600,
                "name", "\u00dcn\u00efc\u00f8d\u00e9 \u2713", "ratio", 0.25, "ok", false, "none", null);
        String token = Jwt.sign(claims, SECRET);
        String[] parts = token.split("\\.", -1);
        assertEquals(3, parts.length, token);
        for (String part : parts) {
            assertTrue(part.matches("[A-Za-z0-9_-]+"), part);
        }
        Object header = RefJson.parse(new String(b64urlDecode(parts[0]), StandardCharsets.UTF_8));
        assertTrue(header instanceof Map, String.valueOf(header));
        assertEquals("HS256", ((Map<?, ?>) header).get("alg"));
        assertEquals("JWT", ((Map<?, ?>) header).get("typ"));
        assertEquals(claims, RefJson.parse(new String(b64urlDecode(parts[1]), StandardCharsets.UTF_8)));
        assertEquals(mac(parts[0] + "." + parts[1]), parts[2]);
        assertEquals(claims, Jwt.verify(token, SECRET, NOW, "web", 0));
        String[] other = Jwt.sign(map("a", 1L), bytes("text-secret")).split("\\.", -1);
        assertEquals(mac(other[0] + "." + other[1], bytes("text-secret"), "HmacSHA256"), other[2]);
    }

    @Test
    void algNoneAttackRejected() {
        String payload = encode(map("sub", "admin", "admin", true));
        for (Map<String, Object> header : List.of(map("alg", "none"), map("alg", "None"), map("alg", "NONE"),
                map("alg", "nOnE", "typ", "JWT"), map("alg", null), map("alg", ""), map("typ", "JWT"), map())) {
            String h = encode(header);
            assertEquals(UNSUPPORTED, reason(h + "." + payload + "."), header.toString());
            assertEquals(UNSUPPORTED, reason(resign(h, payload, SECRET)), header.toString());   // even "correctly" signed
        }
    }

    @Test
    void otherAlgorithmsRejected() {
        Map<String, Object> claims = map("sub", "user-42");
        assertEquals(UNSUPPORTED, reason(makeToken(claims, map("alg", "HS512"), SECRET, "HmacSHA512", "compact")));
        assertEquals(UNSUPPORTED, reason(makeToken(claims, map("alg", "HS384"), SECRET, "HmacSHA384", "compact")));
        for (Object alg : List.of("RS256", "ES256", "PS256", "hs256", "HS256 ", "HS 256", List.of("HS256"), 256L,
                map("name", "HS256"))) {
            assertEquals(UNSUPPORTED, reason(makeToken(claims, map("alg", alg))), String.valueOf(alg));
        }
    }

    @Test
    void signatureStrippingAndTampering() throws Exception {
        Map<String, Object> claims = map("sub", "user-42", "admin", false, "exp", NOW + 60);
        String token = makeToken(claims);
        String[] parts = token.split("\\.");
        String header = parts[0];
        String payload = parts[1];
        String signature = parts[2];
        String forgedPayload = encode(map("sub", "user-42", "admin", true, "exp", NOW + 60));
        String other = makeToken(map("sub", "someone-else")).split("\\.")[2];
        byte[] hashedSecret = MessageDigest.getInstance("SHA-256").digest(SECRET);
        String[] cases = {
            header + "." + payload + ".",                                  // signature stripped
            header + "." + forgedPayload + "." + signature,                // payload edited, old signature kept
            header + "." + payload + "." + signature.substring(0, signature.length() - 4),   // truncated
            header + "." + payload + "." + signature + "AAAA",             // extended
            header + "." + payload + "." + other,                          // another token's signature
            signedWith(map("sub", "user-42"), bytes("attacker-key")),       // signed with another secret
            signedWith(map("sub", "user-42"), Arrays.copyOf(SECRET, SECRET.length - 1)),
            header + "." + payload + "." + mac(header + "." + payload, hashedSecret, "HmacSHA256"),
        };
        for (String forged : cases) {
            assertEquals(BAD_SIGNATURE, reason(forged), forged);
        }
        assertEquals(claims, verify(token, NOW));
    }

    @Test
    void structureAndEncodingMalformed() {
        String token = makeToken(map("sub", "user-42"));
        String[] parts = token.split("\\.");
        String header = parts[0];
        String payload = parts[1];
        String signature = parts[2];
        String truncatedJson = encodeBytes(bytes("{\"alg\":\"HS256\""));
        String notUtf8 = encodeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'});
        String badUtf8InString = encodeBytes(concat(bytes("{\"alg\":\"HS256\",\"x\":\""), new byte[] {(byte) 0xc3, 0x28},
                bytes("\"}")));
        String[] bad = {
            "", ".", "..", "...", header, header + "." + payload, token + ".", token + "." + signature,
            header + "=." + payload + "." + signature,                     // padding
            header + "." + payload + "." + signature + "=",
            header + "." + payload + " ." + signature,                     // whitespace
            " " + token, token + "\n",
            header + "." + payload + "." + signature.substring(0, signature.length() - 1) + "+",   // standard alphabet
            header + "." + payload.substring(0, 5) + "/" + payload.substring(5) + "." + signature,
            header + "." + payload + "." + signature.substring(0, 10) + "\u00e9" + signature.substring(10),
            header + "A." + payload + "." + signature,                     // length = 1 mod 4 after a valid one
            encodeBytes(bytes("not json")) + "." + payload + "." + signature,
            encodeBytes(new byte[0]) + "." + payload + "." + signature,
            encode(List.of("HS256")) + "." + payload + "." + signature,    // header is JSON but not an object
            encode("HS256") + "." + payload + "." + signature,
            encode(null) + "." + payload + "." + signature,
            truncatedJson + "." + payload + "." + signature,
            notUtf8 + "." + payload + "." + signature,                     // not UTF-8
            badUtf8InString + "." + payload + "." + signature,
            null,
        };
        for (String candidate : bad) {
            assertEquals(MALFORMED, reason(candidate), show(candidate));
        }
    }

    @Test
    void payloadCheckedOnlyAfterSignature() {
        String header = encode(HS256);
        String[] badPayloads = {
            encodeBytes(bytes("not json")), encodeBytes(new byte[0]), encode(List.of(1L, 2L, 3L)), encode("claims"),
            encode(null), encodeBytes(new byte[] {(byte) 0xff, (byte) 0xfe}),
            encode(map("exp", String.valueOf(NOW + 60))), encode(map("exp", true)), encode(map("nbf", null)),
            encode(map("nbf", List.of(NOW))), encode(map("aud", 123L)), encode(map("aud", List.of("api", 1L))),
            encode(map("aud", map("name", "api"))), encode(map("aud", null)),
        };
        for (String payload : badPayloads) {
            assertEquals(MALFORMED, reason(resign(header, payload, SECRET), "api"), payload);
            assertEquals(BAD_SIGNATURE, reason(resign(header, payload, bytes("wrong")), "api"), payload);
        }
    }

    @Test
    void expiryBoundariesAndLeeway() throws Exception {
        String token = makeToken(map("sub", "a", "exp", NOW + 100));
        assertEquals(map("sub", "a", "exp", NOW + 100), verify(token, NOW + 99));
        assertEquals(map("sub", "a", "exp", NOW + 100), verify(token, NOW + 99.999));
        assertEquals(EXPIRED, reason(token, NOW + 100, null, 0));
        assertEquals(EXPIRED, reason(token, NOW + 1_000_000, null, 0));
        assertEquals(NOW + 100, Jwt.verify(token, SECRET, NOW + 109, null, 10).get("exp"));
        assertEquals(EXPIRED, reason(token, NOW + 110, null, 10));
        String fractional = makeToken(map("exp", NOW + 0.5));
        assertEquals(map("exp", NOW + 0.5), verify(fractional, NOW));
        assertEquals(EXPIRED, reason(fractional, NOW + 0.5, null, 0));
        assertEquals(map("exp", NOW + 0.5), Jwt.verify(fractional, SECRET, NOW + 1, null, 0.75));
        assertEquals(map("sub", "no-exp"), verify(makeToken(map("sub", "no-exp")), NOW + 1_000_000_000));
    }

    @Test
    void notBeforeBoundariesAndLeeway() throws Exception {
        String token = makeToken(map("sub", "a", "nbf", NOW + 100, "exp", NOW + 200));
        assertEquals(NOT_YET_VALID, reason(token, NOW, null, 0));
        assertEquals(NOT_YET_VALID, reason(token, NOW + 99.5, null, 0));
        assertEquals("a", verify(token, NOW + 100).get("sub"));
        assertEquals("a", Jwt.verify(token, SECRET, NOW + 95, null, 5).get("sub"));
        assertEquals(NOT_YET_VALID, reason(token, NOW + 94.9, null, 5));
        assertEquals(EXPIRED, reason(token, NOW + 200, null, 0));
    }

    @Test
    void checksRunInTheSpecifiedOrder() {
        Map<String, Object> expired = map("sub", "a", "exp", NOW - 10, "nbf", NOW + 10, "aud", "other");
        assertEquals(UNSUPPORTED, reason(makeToken(expired, map("alg", "none")), "api"));
        assertEquals(BAD_SIGNATURE, reason(signedWith(expired, bytes("wrong")), "api"));
        assertEquals(EXPIRED, reason(makeToken(expired), "api"));
        assertEquals(NOT_YET_VALID, reason(makeToken(with(expired, "exp", NOW + 60)), "api"));
        assertEquals(BAD_AUDIENCE, reason(makeToken(with(expired, "exp", NOW + 60, "nbf", NOW)), "api"));
        assertEquals(UNSUPPORTED, reason(makeToken(map("exp", "soon"), map("alg", "HS512"), SECRET, "HmacSHA512", "compact")));
    }

    @Test
    void audienceRules() throws Exception {
        assertEquals(map("aud", "api"), Jwt.verify(makeToken(map("aud", "api")), SECRET, NOW, "api", 0));
        assertEquals(map("aud", List.of("web", "api")), Jwt.verify(makeToken(map("aud", List.of("web", "api"))), SECRET, NOW,
                "api", 0));
        Object[][] refused = {{"web", "api"}, {"API", "api"}, {"api ", "api"}, {List.of("web"), "api"}, {List.of(), "api"},
            {"api", "ap"}, {"apiX", "api"}, {List.of("apiX", "ap"), "api"}};
        for (Object[] pair : refused) {
            assertEquals(BAD_AUDIENCE, reason(makeToken(map("aud", pair[0])), (String) pair[1]), Arrays.toString(pair));
        }
        assertEquals(BAD_AUDIENCE, reason(makeToken(map("sub", "no-aud")), "api"));
        assertEquals(BAD_AUDIENCE, reason(makeToken(map("aud", "api"))));            // verifier expects none
        assertEquals(BAD_AUDIENCE, reason(makeToken(map("aud", List.of()))));
        assertEquals(map("sub", "no-aud"), verify(makeToken(map("sub", "no-aud")), NOW));
    }

    @Test
    void callerErrorsAreNotInvalidToken() {
        String token = makeToken(map("sub", "a"));
        assertThrows(IllegalArgumentException.class, () -> Jwt.verify(token, new byte[0], NOW, null, 0));
        assertThrows(IllegalArgumentException.class, () -> Jwt.sign(map("sub", "a"), new byte[0]));
        assertThrows(NullPointerException.class, () -> Jwt.verify(token, null, NOW, null, 0));
        assertThrows(NullPointerException.class, () -> Jwt.sign(map("sub", "a"), null));
        assertThrows(IllegalArgumentException.class, () -> Jwt.verify(token, SECRET, NOW, null, -1));
        assertThrows(NullPointerException.class, () -> Jwt.sign(null, SECRET));
    }

    @Test
    void fuzzedTokensRejectedAndLargeTokenAccepted() throws Exception {
        Random rng = new Random(1234);
        Map<String, Object> claims = map("sub", "user-42", "roles", List.of("admin", "billing"), "exp", NOW + 60, "aud", "api");
        String token = makeToken(claims);
        int lastSignatureChar = token.length() - 1;   // may differ only in unused bits: skip it
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
        TreeSet<String> mutants = new TreeSet<>();
        while (mutants.size() < 300) {
            int i = rng.nextInt(token.length());
            int kind = rng.nextInt(3);
            if (kind == 0 && i != lastSignatureChar) {
                String others = alphabet.replace(String.valueOf(token.charAt(i)), "");
                mutants.add(token.substring(0, i) + others.charAt(rng.nextInt(others.length())) + token.substring(i + 1));
            } else if (kind == 1) {
                mutants.add(token.substring(0, i) + alphabet.charAt(rng.nextInt(alphabet.length())) + token.substring(i));
            } else if (kind == 2) {
                mutants.add(token.substring(0, i) + token.substring(i + 1));
            }
        }
        for (String mutant : mutants) {
            reason(mutant, "api");
        }
        assertEquals(claims, Jwt.verify(token, SECRET, NOW, "api", 0));

        List<Object> permissions = new ArrayList<>();
        for (int i = 0; i < 15_000; i++) {
            permissions.add("resource-" + i + ":read");
        }
        Map<String, Object> big = map("sub", "bulk", "aud", "api", "permissions", permissions);
        String bigToken = makeToken(big);
        assertTrue(bigToken.length() > 400_000);
        assertEquals(big, Jwt.verify(bigToken, SECRET, NOW, "api", 0));
        String[] parts = bigToken.split("\\.");
        String edited = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];
        assertEquals(BAD_SIGNATURE, reason(edited, "api"));
    }

    /** The tests' own JSON parser (a copy of the one given to candidates, never their Json class). */
    static final class RefJson {
        private static final int MAX_DEPTH = 1000;

        private final String text;
        private int at;

        private RefJson(String text) {
            this.text = text;
        }

        /**
         * The value of a JSON text (white space around it allowed).
         *
         * @throws IllegalArgumentException if {@code text} is not exactly one JSON value
         */
        public static Object parse(String text) {
            RefJson parser = new RefJson(text);
            parser.skipSpace();
            Object value = parser.value(0);
            parser.skipSpace();
            if (parser.at != text.length()) {
                throw parser.error("unexpected text after the value");
            }
            return value;
        }

        // ------------------------------------------------------------------ parsing

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("invalid JSON at offset " + at + ": " + what);
        }

        private void skipSpace() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private Object value(int depth) {
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
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("expected " + word);
            }
            at += word.length();
            return value;
        }

        private Map<String, Object> object(int depth) {
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
                    throw error("expected a string key");
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                map.put(key, value(depth + 1));
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array(int depth) {
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

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek();
                at++;
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
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
                            throw error("short \\u escape");
                        }
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int digit = Character.digit(text.charAt(at + i), 16);
                            if (digit < 0 || text.charAt(at + i) > 'f') {
                                throw error("bad \\u escape");
                            }
                            code = code * 16 + digit;
                        }
                        at += 4;
                        out.append((char) code);
                        break;
                    default:
                        throw error("bad escape");
                }
            }
        }

        private Object number() {
            int start = at;
            boolean integral = true;
            if (peek() == '-') {
                at++;
            }
            if (peek() == '0') {
                at++;
            } else {
                digits();
            }
            if (at < text.length() && text.charAt(at) == '.') {
                integral = false;
                at++;
                digits();
            }
            if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                integral = false;
                at++;
                if (peek() == '+' || peek() == '-') {
                    at++;
                }
                digits();
            }
            String literal = text.substring(start, at);
            if (integral) {
                try {
                    return Long.parseLong(literal);
                } catch (NumberFormatException tooBig) {
                    // fall through: a Double
                }
            }
            return Double.parseDouble(literal);
        }

        private void digits() {
            char c = peek();
            if (c < '0' || c > '9') {
                throw error("expected a digit");
            }
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
        }
    }
}
