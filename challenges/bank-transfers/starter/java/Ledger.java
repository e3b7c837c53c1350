import java.util.List;
import java.util.NoSuchElementException;

/**
 * Thread-safe bank ledger. See the statement for the full specification.
 *
 * <p>An in-memory ledger of {@code long} cent balances. Every method may be called from many
 * threads at once, on shared accounts. Only the JDK may be used; add fields, nested classes and
 * helper classes (in this file or others) as you like.
 */
public class Ledger {
    /**
     * One leg of a transfer in an account's history: the transfer's id, the other account,
     * {@code -amount} (money sent) or {@code +amount} (money received), and this account's balance
     * right after the transfer.
     */
    public record Entry(long transferId, String counterparty, long delta, long balanceAfter) {
    }

    /** An empty ledger. */
    public Ledger() {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * Opens an account with a zero balance.
     *
     * @throws IllegalArgumentException if the id is null, empty or already taken
     */
    public void openAccount(String accountId) {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * Opens an account with an opening balance in cents.
     *
     * @throws IllegalArgumentException if the id is null, empty or already taken, or the balance is negative
     */
    public void openAccount(String accountId, long balance) {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * Atomically moves {@code amount} cents from {@code src} to {@code dst} and returns the
     * transfer's id (1, 2, 3, ... in the order transfers take effect). A failed call changes nothing.
     *
     * @throws IllegalArgumentException if {@code amount <= 0} or {@code src} equals {@code dst}
     * @throws NoSuchElementException if either account does not exist
     * @throws InsufficientFundsException if {@code src} holds less than {@code amount}
     */
    public long transfer(String src, String dst, long amount) throws InsufficientFundsException {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * The account's current balance in cents.
     *
     * @throws NoSuchElementException for an unknown account
     */
    public long balance(String accountId) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** The sum of all balances; never observes a transfer half done. */
    public long total() {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * The account's successful transfers, oldest first, as a snapshot that later transfers do not
     * change.
     *
     * @throws NoSuchElementException for an unknown account
     */
    public List<Entry> history(String accountId) {
        throw new UnsupportedOperationException("not implemented");
    }
}
