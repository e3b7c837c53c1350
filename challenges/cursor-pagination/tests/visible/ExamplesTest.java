import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Worked examples from the statement (Java). */
class ExamplesTest {

    private static List<Item> makeRecords() {
        return new ArrayList<>(List.of(
                new Item(1, "2024-05-01T10:00:00Z"),
                new Item(2, "2024-05-01T11:00:00Z"),
                new Item(3, "2024-05-01T11:00:00Z"),
                new Item(4, "2024-05-01T09:30:00Z")));
    }

    private static List<Long> ids(Page page) {
        return page.items().stream().map(Item::id).collect(Collectors.toList());
    }

    @Test
    void statementExamplePages() {
        List<Item> records = makeRecords();
        Page page1 = Pagination.paginate(records, 2);
        assertEquals(List.of(3L, 2L), ids(page1));
        assertNotNull(page1.nextCursor());

        records.add(new Item(5, "2024-05-01T12:00:00Z"));
        Page page2 = Pagination.paginate(records, 2, page1.nextCursor());
        assertEquals(List.of(1L, 4L), ids(page2));
        assertNull(page2.nextCursor());
    }

    @Test
    void statementExampleErrors() {
        List<Item> records = makeRecords();
        String cursor = Pagination.paginate(records, 2).nextCursor();
        byte[] other = "other".getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidCursorException.class, () -> Pagination.paginate(records, 2, cursor, other));
        assertThrows(IllegalArgumentException.class, () -> Pagination.paginate(records, 0));
    }
}
