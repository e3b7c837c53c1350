/**
 * Thrown when a cursor was not issued by {@link Pagination#paginate} with the same secret
 * (tampered, truncated, garbage, or signed with another secret).
 */
public class InvalidCursorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String message) {
        super(message);
    }

    public InvalidCursorException(String message, Throwable cause) {
        super(message, cause);
    }
}
