import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Salted, self-describing PBKDF2-SHA256 password hashes. */
public final class Passwords {
    public static final String ALGORITHM = "pbkdf2_sha256";
    public static final int ITERATIONS = 60_000;          // current work factor for new hashes
    public static final int MAX_ITERATIONS = 1_000_000;   // refuse stored records that would make verification hang

    private static final int SALT_BYTES = 16;
    private static final int MIN_SALT_BYTES = 8;
    private static final int HASH_BYTES = 32;
    // Canonical ASCII decimal ([0-9] is ASCII only in java.util.regex) and strict padded Base64.
    private static final Pattern ITERATIONS_FIELD = Pattern.compile("[1-9][0-9]{0,6}");
    private static final Pattern BASE64 =
            Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static String normalise(String password) {
        Objects.requireNonNull(password, "password");
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** PBKDF2-HMAC-SHA256; the JDK encodes the password's chars as UTF-8. */
    private static byte[] derive(String normalised, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(normalised.toCharArray(), salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The fields of a well-formed record, else null. */
    private static Parsed parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\$", -1);      // -1: keep trailing empty fields
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            return null;
        }
        if (!ITERATIONS_FIELD.matcher(parts[1]).matches()) {
            return null;
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations > MAX_ITERATIONS) {
            return null;
        }
        if (!BASE64.matcher(parts[2]).matches() || !BASE64.matcher(parts[3]).matches()) {
            return null;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] hash = Base64.getDecoder().decode(parts[3]);
        if (salt.length < MIN_SALT_BYTES || hash.length != HASH_BYTES) {
            return null;
        }
        return new Parsed(iterations, salt, hash);
    }

    /** A new record {@code pbkdf2_sha256$<iterations>$<salt_b64>$<hash_b64>} with a fresh random salt. */
    public static String hashPassword(String password) {
        String normalised = normalise(password);
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(normalised, salt, ITERATIONS);
        Base64.Encoder encoder = Base64.getEncoder();
        return ALGORITHM + "$" + ITERATIONS + "$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(hash);
    }

    /** True iff {@code stored} is a well-formed record of {@code password}; never throws for a bad record. */
    public static boolean verifyPassword(String password, String stored) {
        String normalised = normalise(password);
        Parsed parsed = parse(stored);
        if (parsed == null || password.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(derive(normalised, parsed.salt(), parsed.iterations()), parsed.hash());
    }

    /** True if {@code stored} should be replaced by a fresh hash at the next successful login. */
    public static boolean needsRehash(String stored) {
        Parsed parsed = parse(stored);
        return parsed == null || parsed.iterations() < ITERATIONS;
    }
}
