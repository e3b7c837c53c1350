import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked examples from the statement (Java). */
class ExamplesTest {
    static final byte[] SECRET = "k3y-for-tests-only".getBytes(StandardCharsets.UTF_8);
    static final long NOW = 1_700_000_000L;

    static InvalidTokenException.Reason reason(String token, byte[] secret, double now, String audience) {
        return assertThrows(InvalidTokenException.class, () -> Jwt.verify(token, secret, now, audience, 0)).reason();
    }

    static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "user-42");
        claims.put("aud", "billing");
        claims.put("exp", NOW + 600);
        return claims;
    }

    @Test
    void signThenVerify() throws Exception {
        String token = Jwt.sign(claims(), SECRET);
        assertEquals(claims(), Jwt.verify(token, SECRET, NOW, "billing", 0));
        assertEquals(InvalidTokenException.Reason.EXPIRED, reason(token, SECRET, NOW + 600, "billing"));
        assertEquals(claims(), Jwt.verify(token, SECRET, NOW + 600, "billing", 30));
        assertEquals(InvalidTokenException.Reason.BAD_SIGNATURE,
                reason(token, "another-secret".getBytes(StandardCharsets.UTF_8), NOW, "billing"));
        assertEquals(InvalidTokenException.Reason.BAD_AUDIENCE, reason(token, SECRET, NOW, null));
    }

    @Test
    void forgedTokensFromTheExample() throws Exception {
        String[] parts = Jwt.sign(claims(), SECRET).split("\\.", -1);
        assertEquals(InvalidTokenException.Reason.UNSUPPORTED_ALGORITHM,
                reason("eyJhbGciOiJub25lIn0." + parts[1] + ".", SECRET, NOW, "billing"));
        assertEquals(InvalidTokenException.Reason.MALFORMED, reason(parts[0] + "." + parts[1], SECRET, NOW, null));
    }
}
