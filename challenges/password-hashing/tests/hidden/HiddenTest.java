import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests for the password-hashing challenge (Java).
 *
 * <p>PBKDF2 runs several times slower in the grading JVM than in Python or Node, so these tests
 * check the same behaviours as the Python ones with fewer 60,000-iteration derivations: what does
 * not depend on the work factor is checked on cheap 1,000-iteration records (valid legacy records,
 * computed independently with Python's hashlib.pbkdf2_hmac).
 */
class HiddenTest {
    static final Pattern RECORD = Pattern.compile("pbkdf2_sha256\\$60000\\$([A-Za-z0-9+/]{22}==)\\$([A-Za-z0-9+/]{43}=)");
    static final String PASSWORD = "correct horse battery staple";
    // Records computed independently with Python's hashlib.pbkdf2_hmac: {password, record}.
    static final String[][] VECTORS = {
        {PASSWORD, "pbkdf2_sha256$60000$YXNzZXNzb3Itc2FsdC0xNg==$nBQH9TnKedE1CGO6s05ibTVZeGYv/xuB3I70VFdCcZ8="},
        {"hunter2", // legacy: 1,000 iterations, 8-byte salt
            "pbkdf2_sha256$1000$OGJ5dGVzYWw=$AEl7sbzjjtWBxPKwqIkl6T+hJrNjTPo+UT7yuRZBAuw="},
        {"Pa\u00dfw\u00f6rd \u2014 \u6771\u4eac", // more iterations than ITERATIONS
            "pbkdf2_sha256$120000$AAECAwQFBgcICQoLDA0ODw==$deFbTetLhxsltINf486XfL49RDiqRordtzapGSuSS2s="},
    };
    static final String GOOD = VECTORS[0][1];
    static final String UNICODE_VECTOR =
            "pbkdf2_sha256$60000$dW5pY29kZS1zYWx0LTAxNg==$EVP6n8tTY/3C0+vCmkW88+Ei+P/szQ8tnxZAWnM6CyE=";
    // 1,000-iteration records of PASSWORD and of the NFKC form of other passwords.
    static final String CHEAP = "pbkdf2_sha256$1000$Y2hlYXAtc2FsdC0wMDAxNg==$FU6sOzcpM2ZhjM6CrqMe0gUXwfMiXMI8i7aFjF5U+is=";
    static final String CHEAP_UNICODE =       // of "\ufb01ne \uff50\uff41\uff53\uff53" (NFKC "fine pass")
            "pbkdf2_sha256$1000$dW5pY29kZS1jaGVhcC0xNg==$kqx7WOfNZhv8bJ4skDgUvdh3j4vz8btqHzzu1M5Bmvg=";
    static final String[][] NFKC_PAIRS = {    // {typed, typed another way, record of the first}
        {"\u212b", "\u00c5", "pbkdf2_sha256$1000$cGFpci1zYWx0LTAwMDE=$dj6KEQsVSSgfVZeKYBWGoYZKYtwQeHOs0NkyVsUxFQI="},
        {"A\u030a", "\u00c5", "pbkdf2_sha256$1000$cGFpci1zYWx0LTAwMDI=$T6+N7ODke56XTuNd8rPI+pNGoYBe8RsySABRwLvrDBk="},
        {"caf\u00e9", "cafe\u0301", "pbkdf2_sha256$1000$cGFpci1zYWx0LTAwMDM=$6OLfVk9W+61qVWJUJfKf2xNXRQGGPs7ib3fvIpLQbn8="},
        {"\u2460\u2461", "12", "pbkdf2_sha256$1000$cGFpci1zYWx0LTAwMDQ=$kqDA5rK04QisvOeLhMz/HG2VnsDQwRhHcfZ0GSDoCZE="},
    };
    static final String KEY_RECORD =          // of "p\u00e4ss \ud83d\udd11 \u6771\u4eac"
            "pbkdf2_sha256$1000$ZW1vamktc2FsdC0wMDA1$XO6frik+YUxEv7VNk3wfzgL58n/0xPBWiKvt94SFxuw=";
    static final String[][] ODD = {          // {password, record}
        {"line\nbreak\r\n", "pbkdf2_sha256$1000$b2RkLXNhbHQtMDAwNg==$2/pl789MMblXz6g2PS8HXpaSIDeNBF+w6HzxzSaUmps="},
        {"'\"\\`", "pbkdf2_sha256$1000$b2RkLXNhbHQtMDAwNw==$Y1jMJ7K3N8V/kmBZe1fYkb/rme5lhKnhD/+H3urTIGA="},
        {"\t", "pbkdf2_sha256$1000$b2RkLXNhbHQtMDAwOA==$35yBdJYQpG1ouPpX+hhH3LSTv7/iQ+Kd7wYZWrs217A="},
    };
    static final String MAX_VECTOR =
            "pbkdf2_sha256$1000000$bWF4LWl0ZXJhdGlvbnMhIQ==$N9NKRI7/ngfUVktdEY2Ti1pDcZlmQu0wYrWO6bd78WE=";

    /** {salt, hash} of a well-formed new record. */
    static byte[][] fields(String record) {
        assertNotNull(record, "hashPassword returned null");
        Matcher match = RECORD.matcher(record);
        assertTrue(match.matches(), "not a well-formed new record: " + record);
        return new byte[][] {Base64.getDecoder().decode(match.group(1)), Base64.getDecoder().decode(match.group(2))};
    }

    static String withField(String record, int index, String value) {
        String[] parts = record.split("\\$", -1);
        parts[index] = value;
        return String.join("$", parts);
    }

    /** The tests' own PBKDF2-HMAC-SHA256 (RFC 8018), on the password's UTF-8 bytes. */
    static byte[] pbkdf2(String password, byte[] salt, int iterations) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        return t;
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void recordFormatAndDerivation() throws Exception {
        String record = Passwords.hashPassword(PASSWORD);
        byte[][] parts = fields(record);
        assertEquals(16, parts[0].length);
        assertArrayEquals(pbkdf2(PASSWORD, parts[0], 60_000), parts[1]);
        assertTrue(Passwords.verifyPassword(PASSWORD, record));
        assertFalse(Passwords.needsRehash(record));
    }

    @Test
    void saltsAreUnique() {
        Set<String> salts = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        String first = null;
        for (int i = 0; i < 6; i++) {
            String record = Passwords.hashPassword("same password");
            byte[][] parts = fields(record);
            salts.add(b64(parts[0]));
            hashes.add(b64(parts[1]));
            first = first == null ? record : first;
        }
        assertEquals(6, salts.size());
        assertEquals(6, hashes.size());
        assertTrue(Passwords.verifyPassword("same password", first));
    }

    @Test
    void wrongPasswordsRejected() {
        for (String wrong : new String[] {"Correct horse battery staple", "correct horse battery staple ",
            " correct horse battery staple", "correct horse battery", "correct horse battery staple!",
            "correcthorsebatterystaple", "", "hunter2"}) {
            assertFalse(Passwords.verifyPassword(wrong, CHEAP), wrong);
        }
        assertTrue(Passwords.verifyPassword(PASSWORD, CHEAP));
        String record = Passwords.hashPassword(PASSWORD);
        assertFalse(Passwords.verifyPassword("Correct horse battery staple", record));
        assertTrue(Passwords.verifyPassword(PASSWORD, record));
    }

    @Test
    void referenceVectorsVerify() {
        for (String[] vector : VECTORS) {
            assertTrue(Passwords.verifyPassword(vector[0], vector[1]), vector[1]);
        }
        assertFalse(Passwords.verifyPassword(PASSWORD + "x", GOOD));
        assertFalse(Passwords.verifyPassword("hunter2x", VECTORS[1][1]));
        assertFalse(Passwords.verifyPassword(PASSWORD + "x", CHEAP));
        // Exactly MAX_ITERATIONS is allowed (verifying it costs seconds here: needsRehash shows it parses).
        assertFalse(Passwords.needsRehash(MAX_VECTOR), "a record of exactly MAX_ITERATIONS is well-formed");
    }

    @Test
    void unicodePasswordsNormalisedNfkc() throws Exception {
        assertTrue(Passwords.verifyPassword("fine pass", UNICODE_VECTOR));       // stored from "\ufb01ne ｐａｓｓ"
        assertTrue(Passwords.verifyPassword("\ufb01ne \uff50\uff41\uff53\uff53", CHEAP_UNICODE));
        assertTrue(Passwords.verifyPassword("fine pass", CHEAP_UNICODE));
        assertFalse(Passwords.verifyPassword("fine Pass", CHEAP_UNICODE));
        for (String[] pair : NFKC_PAIRS) {
            assertTrue(Passwords.verifyPassword(pair[1], pair[2]), pair[0]);
            assertTrue(Passwords.verifyPassword(pair[0], pair[2]), pair[0]);
        }
        for (String[] pair : new String[][] {NFKC_PAIRS[0], NFKC_PAIRS[2]}) {   // hashPassword normalises too
            byte[][] parts = fields(Passwords.hashPassword(pair[0]));
            assertArrayEquals(pbkdf2(Normalizer.normalize(pair[0], Normalizer.Form.NFKC), parts[0], 60_000), parts[1],
                    pair[0]);
        }
        assertTrue(Passwords.verifyPassword("pa\u0308ss \ud83d\udd11 \u6771\u4eac", KEY_RECORD));
        assertTrue(Passwords.verifyPassword("p\u00e4ss \ud83d\udd11 \u6771\u4eac", KEY_RECORD));
        assertFalse(Passwords.verifyPassword("pass \ud83d\udd11 \u6771\u4eac", KEY_RECORD));
    }

    @Test
    void tamperedRecordsRejected() {
        String[] parts = CHEAP.split("\\$");
        String saltText = parts[2];
        String hashText = parts[3];
        String flippedHash = (hashText.charAt(0) != 'A' ? "A" : "B") + hashText.substring(1);
        String flippedSalt = saltText.substring(0, 5) + (saltText.charAt(5) != 'A' ? "A" : "B") + saltText.substring(6);
        String[] other = GOOD.split("\\$");
        String[] tampered = {
            withField(CHEAP, 3, flippedHash),
            withField(CHEAP, 2, flippedSalt),
            withField(CHEAP, 1, "1001"),
            withField(CHEAP, 1, "999"),
            withField(CHEAP, 1, "2000"),
            withField(CHEAP, 0, "pbkdf2_sha1"),
            withField(CHEAP, 0, "PBKDF2_SHA256"),
            withField(CHEAP, 0, "pbkdf2_sha512"),
            withField(CHEAP, 2, VECTORS[1][1].split("\\$")[2]),   // another record's salt
            withField(CHEAP, 3, other[3]),                         // another record's hash
        };
        for (String record : tampered) {
            assertFalse(Passwords.verifyPassword(PASSWORD, record), record);
        }
        assertTrue(Passwords.verifyPassword(PASSWORD, CHEAP));
    }

    @Test
    void malformedRecordsReturnFalse() {
        String[] parts = GOOD.split("\\$");
        String it = parts[1];
        String salt = parts[2];
        String digest = parts[3];
        byte[] digestBytes = Base64.getDecoder().decode(digest);
        String[] malformed = {
            "", "pbkdf2_sha256", "$$$", GOOD + "$", GOOD + "$extra", "$" + GOOD, GOOD + "$$",
            "pbkdf2_sha256$" + it + "$" + salt, "pbkdf2_sha256$" + salt + "$" + digest,
            // iterations: not canonical ASCII decimal, or out of range
            withField(GOOD, 1, ""), withField(GOOD, 1, "abc"), withField(GOOD, 1, "0"),
            withField(GOOD, 1, "-60000"), withField(GOOD, 1, "+60000"), withField(GOOD, 1, " 60000"),
            withField(GOOD, 1, "60000 "), withField(GOOD, 1, "60_000"), withField(GOOD, 1, "060000"),
            withField(GOOD, 1, "60000.0"), withField(GOOD, 1, "6e4"), withField(GOOD, 1, "0x1000"),
            withField(GOOD, 1, "\uff16\uff10\uff10\uff10\uff10"),   // full-width digits
            withField(GOOD, 1, "\u0666\u0660\u0660\u0660\u0660"),   // Arabic-Indic digits
            // Base64: missing padding, stray or foreign characters, URL-safe alphabet
            withField(GOOD, 3, digest.replaceAll("=+$", "")), withField(GOOD, 2, salt.replaceAll("=+$", "")),
            GOOD + "\n", GOOD + " ", withField(GOOD, 3, digest.substring(0, 10) + " " + digest.substring(10)),
            withField(GOOD, 3, digest.substring(0, 10) + "!" + digest.substring(10)),
            withField(GOOD, 2, "\u00e9" + salt.substring(1)),
            withField(GOOD, 3, digest.replace('/', '_')),
            withField(GOOD, 3, digest.substring(0, 10) + "\r\n" + digest.substring(10)),
            // lengths: salt below 8 bytes, hash not 32 bytes
            withField(GOOD, 2, b64("short".getBytes(StandardCharsets.US_ASCII))),
            withField(GOOD, 2, ""),
            withField(GOOD, 3, b64(Arrays.copyOf(digestBytes, 31))),
            withField(GOOD, 3, b64(Arrays.copyOf(digestBytes, 33))),
            withField(GOOD, 3, ""),
            // no record at all
            null,
        };
        for (String record : malformed) {
            assertFalse(Passwords.verifyPassword(PASSWORD, record), String.valueOf(record));
            assertTrue(Passwords.needsRehash(record), String.valueOf(record));
        }
    }

    @Test
    void hugeIterationCountRejectedWithoutHashing() {
        String[] counts = {"1000000000", "99999999999999999999", "1000001", "2147483647", "2147483648"};
        for (String count : counts) {  // 10**9 iterations would take hours: this must return at once
            assertFalse(Passwords.verifyPassword(PASSWORD, withField(GOOD, 1, count)), count);
        }
        for (String count : counts) {
            assertTrue(Passwords.needsRehash(withField(GOOD, 1, count)), count);
        }
    }

    @Test
    void needsRehashByIterations() {
        assertFalse(Passwords.needsRehash(Passwords.hashPassword("pw")));
        assertFalse(Passwords.needsRehash(GOOD));
        assertTrue(Passwords.needsRehash(VECTORS[1][1]));                    // 1,000 iterations
        assertFalse(Passwords.needsRehash(VECTORS[2][1]));                   // 120,000 iterations
        assertTrue(Passwords.needsRehash(withField(GOOD, 1, "59999")));
        assertTrue(Passwords.needsRehash(withField(GOOD, 1, "1")));
        assertFalse(Passwords.needsRehash(MAX_VECTOR));
    }

    @Test
    void emptyAndNullPasswords() {
        assertThrows(IllegalArgumentException.class, () -> Passwords.hashPassword(""));
        assertThrows(NullPointerException.class, () -> Passwords.hashPassword(null));
        assertThrows(NullPointerException.class, () -> Passwords.verifyPassword(null, GOOD));
        assertFalse(Passwords.verifyPassword("", GOOD));
    }

    @Test
    void unusualPasswordsRoundTrip() {
        String longPassword = "a".repeat(10_000);
        String longRecord = Passwords.hashPassword(longPassword);
        fields(longRecord);
        assertTrue(Passwords.verifyPassword(longPassword, longRecord));
        assertFalse(Passwords.verifyPassword("a".repeat(9_999), longRecord));
        for (String password : new String[] {"pa$$word$60000$", "nul\u0000byte", " "}) {
            String record = Passwords.hashPassword(password);
            fields(record);
            assertTrue(Passwords.verifyPassword(password, record), password);
            if (password.length() > 1) {
                assertFalse(Passwords.verifyPassword(password + " ", record), password);
            }
        }
        for (String[] odd : ODD) {
            assertTrue(Passwords.verifyPassword(odd[0], odd[1]), odd[0]);
            assertFalse(Passwords.verifyPassword(odd[0] + " ", odd[1]), odd[0]);
        }
    }
}
