import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, self-describing PBKDF2-SHA256 password hashes.
 *
 * <p>Implement the three methods below; see the statement for the record format and the rules.
 * Only the JDK may be used: SecretKeyFactory "PBKDF2WithHmacSHA256" with a PBEKeySpec (the JDK
 * encodes the password's chars as UTF-8), SecureRandom, Base64, Normalizer, MessageDigest.isEqual.
 */
public final class Passwords {
    public static final String ALGORITHM = "pbkdf2_sha256";
    public static final int ITERATIONS = 60_000;          // work factor of new hashes
    public static final int MAX_ITERATIONS = 1_000_000;   // largest work factor a stored record may ask for

    private Passwords() {
    }

    /**
     * Returns a new record {@code pbkdf2_sha256$<iterations>$<salt_b64>$<hash_b64>}.
     *
     * <p>Uses {@link #ITERATIONS} iterations, a fresh random 16-byte salt from a SecureRandom and
     * the NFKC-normalised password.
     *
     * @throws NullPointerException if {@code password} is null
     * @throws IllegalArgumentException if {@code password} is empty
     */
    public static String hashPassword(String password) {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * Returns true iff {@code stored} is a well-formed record of {@code password}.
     *
     * <p>Compares in constant time. Returns false (never throws) for malformed or tampered records,
     * a null {@code stored} and an empty password.
     *
     * @throws NullPointerException only if {@code password} is null
     */
    public static boolean verifyPassword(String password, String stored) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** Returns true if {@code stored} is malformed (or null) or uses fewer than {@link #ITERATIONS} iterations. Never throws. */
    public static boolean needsRehash(String stored) {
        throw new UnsupportedOperationException("not implemented");
    }
}
