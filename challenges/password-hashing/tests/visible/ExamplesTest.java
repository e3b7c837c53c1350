import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Worked examples from the statement (Java). */
class ExamplesTest {
    static final String LEGACY = "pbkdf2_sha256$1000$OGJ5dGVzYWw=$AEl7sbzjjtWBxPKwqIkl6T+hJrNjTPo+UT7yuRZBAuw=";

    @Test
    void hashAndVerify() {
        String record = Passwords.hashPassword("correct horse battery staple");
        assertTrue(record.startsWith("pbkdf2_sha256$60000$"), record);
        assertTrue(Passwords.verifyPassword("correct horse battery staple", record));
        assertFalse(Passwords.verifyPassword("Correct horse battery staple", record));
        assertNotEquals(record, Passwords.hashPassword("correct horse battery staple"));
        assertFalse(Passwords.needsRehash(record));
    }

    @Test
    void legacyRecordAndErrors() {
        assertTrue(Passwords.verifyPassword("hunter2", LEGACY));
        assertTrue(Passwords.needsRehash(LEGACY));
        assertFalse(Passwords.verifyPassword("hunter2", "pbkdf2_sha256$1000$not base64$"));
        assertThrows(IllegalArgumentException.class, () -> Passwords.hashPassword(""));
    }
}
