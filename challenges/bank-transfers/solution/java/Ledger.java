import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reference solution: an in-memory ledger of {@code long} cent balances, safe to use from many
 * threads at once.
 *
 * <p>Every account has its own monitor; a transfer holds the monitors of its two accounts, always
 * taken in the order the accounts were opened, so transfers in opposite directions (or around a
 * cycle) can never wait for each other in a circle. The total only changes when an account is
 * opened, so it is kept as one number instead of being summed.
 */
public final class Ledger {
    /** One leg of a transfer in an account's history. */
    public record Entry(long transferId, String counterparty, long delta, long balanceAfter) {
    }

    private static final class Account {
        final String id;
        final long order;                       // the global lock order
        long balance;                           // guarded by this
        final List<Entry> history = new ArrayList<>();   // guarded by this

        Account(String id, long order, long balance) {
            this.id = id;
            this.order = order;
            this.balance = balance;
        }
    }

    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final Object opening = new Object();
    private long opened;                        // guarded by opening
    private volatile long total;                // written under opening
    private final Object ids = new Object();
    private long lastId;                        // guarded by ids

    /** Opens an account with a zero balance. */
    public void openAccount(String accountId) {
        openAccount(accountId, 0);
    }

    /**
     * Opens an account with an opening balance.
     *
     * @throws IllegalArgumentException if the id is null, empty or already taken, or the balance is negative
     */
    public void openAccount(String accountId, long balance) {
        if (accountId == null || accountId.isEmpty()) {
            throw new IllegalArgumentException("an account id is a non-empty string");
        }
        if (balance < 0) {
            throw new IllegalArgumentException("an opening balance cannot be negative: " + balance);
        }
        synchronized (opening) {
            if (accounts.containsKey(accountId)) {
                throw new IllegalArgumentException("account " + accountId + " already exists");
            }
            total += balance;                   // before the account is visible: no reader sees money uncounted
            accounts.put(accountId, new Account(accountId, opened++, balance));
        }
    }

    /**
     * Moves {@code amount} cents from {@code src} to {@code dst} atomically and returns the transfer's id.
     *
     * @throws IllegalArgumentException if the amount is not positive or the accounts are the same
     * @throws NoSuchElementException if either account does not exist
     * @throws InsufficientFundsException if {@code src} holds less than {@code amount}
     */
    public long transfer(String src, String dst, long amount) throws InsufficientFundsException {
        if (amount <= 0) {
            throw new IllegalArgumentException("an amount is a positive number of cents: " + amount);
        }
        if (src != null && src.equals(dst)) {
            throw new IllegalArgumentException("cannot transfer from an account to itself");
        }
        Account from = account(src);
        Account to = account(dst);
        Account first = from.order < to.order ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                if (from.balance < amount) {
                    throw new InsufficientFundsException(
                            src + " holds " + from.balance + " cents, cannot send " + amount);
                }
                long id;
                synchronized (ids) {
                    id = ++lastId;
                }
                from.balance -= amount;
                to.balance += amount;
                from.history.add(new Entry(id, dst, -amount, from.balance));
                to.history.add(new Entry(id, src, amount, to.balance));
                return id;
            }
        }
    }

    /** The account's current balance. @throws NoSuchElementException for an unknown account */
    public long balance(String accountId) {
        Account account = account(accountId);
        synchronized (account) {
            return account.balance;
        }
    }

    /** The sum of all balances: the sum of the opening balances, since transfers conserve money. */
    public long total() {
        return total;
    }

    /**
     * The account's transfers, oldest first, as an unmodifiable snapshot.
     *
     * @throws NoSuchElementException for an unknown account
     */
    public List<Entry> history(String accountId) {
        Account account = account(accountId);
        synchronized (account) {
            return List.copyOf(account.history);
        }
    }

    private Account account(String accountId) {
        Account account = accountId == null ? null : accounts.get(accountId);
        if (account == null) {
            throw new NoSuchElementException("no account " + accountId);
        }
        return account;
    }
}
