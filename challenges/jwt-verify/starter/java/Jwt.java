import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sign and verify HS256 JSON Web Tokens.
 *
 * <p>Implement {@code sign} and the five-argument {@code verify}; see the statement for the exact
 * rules and the order of the checks. Only the JDK may be used (javax.crypto.Mac "HmacSHA256",
 * java.util.Base64, MessageDigest.isEqual); Json.java parses and writes the JSON for you.
 */
public final class Jwt {
    private Jwt() {
    }

    /**
     * Returns a compact JWT with header {"alg": "HS256", "typ": "JWT"} carrying {@code claims}.
     *
     * @param claims JSON-able values as Json.write accepts them
     * @throws NullPointerException if {@code claims} or {@code secret} is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String sign(Map<String, ?> claims, byte[] secret) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** {@code verify(token, secret, now, null, 0)}: no audience expected, no leeway. */
    public static Map<String, Object> verify(String token, byte[] secret, double now) throws InvalidTokenException {
        return verify(token, secret, now, null, 0);
    }

    /**
     * Returns the claims of {@code token}, as Json.parse returns them, if it is a valid HS256 JWT
     * signed with {@code secret}.
     *
     * @param now the current time in seconds since the epoch
     * @param audience the audience this verifier expects, or null for none
     * @param leeway seconds of clock skew tolerated for exp and nbf
     * @throws InvalidTokenException with the first failing check's reason (see the statement)
     * @throws NullPointerException if {@code secret} is null
     * @throws IllegalArgumentException if {@code secret} is empty or {@code leeway} is negative
     */
    public static Map<String, Object> verify(String token, byte[] secret, double now, String audience, double leeway)
            throws InvalidTokenException {
        throw new UnsupportedOperationException("not implemented");
    }
}
