import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sign and verify HS256 JSON Web Tokens (RFC 7519 / RFC 7515 compact serialisation). */
public final class Jwt {
    private static final String ALGORITHM = "HS256";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]*");

    private Jwt() {
    }

    private static InvalidTokenException invalid(InvalidTokenException.Reason reason) {
        return new InvalidTokenException(reason);
    }

    private static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Strict unpadded base64url. */
    private static byte[] b64urlDecode(String segment) throws InvalidTokenException {
        if (!SEGMENT.matcher(segment).matches() || segment.length() % 4 == 1) {
            throw invalid(InvalidTokenException.Reason.MALFORMED);
        }
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw invalid(InvalidTokenException.Reason.MALFORMED);
        }
    }

    /** A JSON object from strict UTF-8 (new String(bytes, UTF_8) would silently replace bad bytes). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(byte[] bytes) throws InvalidTokenException {
        Object value;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            value = Json.parse(text);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw invalid(InvalidTokenException.Reason.MALFORMED);
        }
        if (!(value instanceof Map)) {
            throw invalid(InvalidTokenException.Reason.MALFORMED);
        }
        return (Map<String, Object>) value;
    }

    private static byte[] key(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return secret;
    }

    private static byte[] mac(byte[] key, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A compact HS256 JWT carrying {@code claims}. */
    public static String sign(Map<String, ?> claims, byte[] secret) {
        Objects.requireNonNull(claims, "claims");
        byte[] key = key(secret);
        String header = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
        String payload = b64url(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        return signingInput + "." + b64url(mac(key, signingInput));
    }

    /** {@code verify(token, secret, now, null, 0)}. */
    public static Map<String, Object> verify(String token, byte[] secret, double now) throws InvalidTokenException {
        return verify(token, secret, now, null, 0);
    }

    /** The claims of {@code token} if it is a valid HS256 JWT for {@code secret} at time {@code now}. */
    public static Map<String, Object> verify(String token, byte[] secret, double now, String audience, double leeway)
            throws InvalidTokenException {
        byte[] key = key(secret);
        if (!(leeway >= 0)) {
            throw new IllegalArgumentException("leeway must be a non-negative number");
        }

        // 1. Structure: three unpadded base64url segments, a JSON-object header.
        if (token == null) {
            throw invalid(InvalidTokenException.Reason.MALFORMED);
        }
        String[] segments = token.split("\\.", -1);      // -1: keep trailing empty segments
        if (segments.length != 3) {
            throw invalid(InvalidTokenException.Reason.MALFORMED);
        }
        byte[] headerBytes = b64urlDecode(segments[0]);
        byte[] payloadBytes = b64urlDecode(segments[1]);
        byte[] signature = b64urlDecode(segments[2]);
        Map<String, Object> header = jsonObject(headerBytes);

        // 2. Algorithm: exactly HS256, never "none" or whatever else the token asks for.
        if (!ALGORITHM.equals(header.get("alg"))) {
            throw invalid(InvalidTokenException.Reason.UNSUPPORTED_ALGORITHM);
        }

        // 3. Signature over the segments exactly as received, compared in constant time.
        if (!MessageDigest.isEqual(mac(key, segments[0] + "." + segments[1]), signature)) {
            throw invalid(InvalidTokenException.Reason.BAD_SIGNATURE);
        }

        // 4. Only now is the payload trusted enough to interpret.
        Map<String, Object> claims = jsonObject(payloadBytes);
        for (String name : new String[] {"exp", "nbf"}) {
            if (claims.containsKey(name) && !(claims.get(name) instanceof Number)) {
                throw invalid(InvalidTokenException.Reason.MALFORMED);
            }
        }
        Object aud = claims.get("aud");
        if (claims.containsKey("aud") && !(aud instanceof String
                || (aud instanceof List && ((List<?>) aud).stream().allMatch(a -> a instanceof String)))) {
            throw invalid(InvalidTokenException.Reason.MALFORMED);
        }

        if (claims.containsKey("exp") && now >= ((Number) claims.get("exp")).doubleValue() + leeway) {
            throw invalid(InvalidTokenException.Reason.EXPIRED);
        }
        if (claims.containsKey("nbf") && now < ((Number) claims.get("nbf")).doubleValue() - leeway) {
            throw invalid(InvalidTokenException.Reason.NOT_YET_VALID);
        }
        if (audience == null) {
            if (claims.containsKey("aud")) {
                throw invalid(InvalidTokenException.Reason.BAD_AUDIENCE);
            }
        } else if (!(aud instanceof String ? aud.equals(audience) : aud instanceof List && ((List<?>) aud).contains(audience))) {
            throw invalid(InvalidTokenException.Reason.BAD_AUDIENCE);
        }
        return claims;
    }
}
