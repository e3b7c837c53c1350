import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Worked examples from the statement (Java). */
class ExamplesTest {
    static UserDirectory makeDirectory() {
        UserDirectory users = new UserDirectory();
        assertEquals(1L, users.addUser("Alice Smith", "alice@example.com", "h-alice", "admin"));
        assertEquals(2L, users.addUser("Bob O'Brien", "bob@example.com", "h-bob"));
        assertEquals(3L, users.addUser("Sale 100% off", "promo@example.com", "h-promo"));
        return users;
    }

    static List<Long> ids(List<UserDirectory.User> users) {
        List<Long> result = new ArrayList<>();
        for (UserDirectory.User user : users) {
            result.add(user.id());
        }
        return result;
    }

    @Test
    void searchAndLogin() {
        UserDirectory users = makeDirectory();
        assertEquals(List.of(2L, 3L), ids(users.search("o")));
        assertEquals(List.of(3L), ids(users.search("100%")));
        assertEquals(List.of(3L, 2L), ids(users.search("", "id", "desc", 2)));
        Optional<UserDirectory.User> bob = users.login("bob@example.com", "h-bob");
        assertTrue(bob.isPresent());
        assertEquals(List.of(2L, "Bob O'Brien", "bob@example.com", "member"),
                List.of(bob.get().id(), bob.get().name(), bob.get().email(), bob.get().role()));
    }

    @Test
    void injectionAttemptsFromTheExample() {
        UserDirectory users = makeDirectory();
        assertEquals(Optional.empty(), users.login("alice@example.com' --", "anything"));
        assertThrows(IllegalArgumentException.class, () -> users.search("a", "password_hash", "asc", 20));
    }
}
