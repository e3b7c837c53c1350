/**
 * Thrown by {@link Ledger#transfer} when the source account holds less than the amount.
 *
 * <p>A checked exception: running out of money is an expected outcome of a transfer that callers
 * must handle, not a programming error.
 */
public class InsufficientFundsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(String message) {
        super(message);
    }
}
