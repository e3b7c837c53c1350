import java.util.Locale;
import java.util.Objects;

/** Thrown by {@link Jwt#verify} when a token must not be trusted. Given: keep it as it is. */
public class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the token was refused; the first failing check decides (see the statement). */
    public enum Reason { MALFORMED, UNSUPPORTED_ALGORITHM, BAD_SIGNATURE, EXPIRED, NOT_YET_VALID, BAD_AUDIENCE }

    private final Reason reason;

    public InvalidTokenException(Reason reason) {
        super(Objects.requireNonNull(reason, "reason").name().toLowerCase(Locale.ROOT));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
