import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Hidden tests for the cursor-pagination challenge (Java). */
class HiddenTest {
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9\\-_.~]+");

    /** Every item this test made, by identity: pages must hold these very objects. */
    private final Map<Item, Long> given = new IdentityHashMap<>();

    private Item item(long id, String createdAt) {
        return item(id, createdAt, null);
    }

    private Item item(long id, String createdAt, Object data) {
        Item item = new Item(id, createdAt, data);
        given.put(item, id);
        return item;
    }

    /** The ids of a page's items, which must be items this test made. */
    private List<Long> ids(Page page) {
        List<Long> ids = new ArrayList<>();
        for (Item item : page.items()) {
            Long id = given.get(item);
            if (id == null) {
                fail("item " + ids.size() + " of the page is not one of the given records");
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<Long> longs(long... values) {
        return LongStream.of(values).boxed().collect(Collectors.toList());
    }

    /** ISO-8601 UTC timestamp {@code seconds} after 2024-03-01T00:00:00Z (seconds < 1 day). */
    private static String ts(int seconds) {
        return String.format("2024-03-01T%02d:%02d:%02dZ", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static byte[] secret(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Follows nextCursor until it is null; returns the list of pages. */
    private static List<Page> walk(List<Item> records, int limit, byte[] secret) {
        List<Page> pages = new ArrayList<>();
        pages.add(secret == null ? Pagination.paginate(records, limit) : Pagination.paginate(records, limit, null, secret));
        while (pages.get(pages.size() - 1).nextCursor() != null) {
            assertTrue(pages.size() < 10_000, "too many pages");
            String cursor = pages.get(pages.size() - 1).nextCursor();
            pages.add(secret == null ? Pagination.paginate(records, limit, cursor)
                    : Pagination.paginate(records, limit, cursor, secret));
        }
        return pages;
    }

    private static List<Page> walk(List<Item> records, int limit) {
        return walk(records, limit, null);
    }

    private static void assertUrlSafe(String cursor) {
        assertNotNull(cursor, "expected a cursor");
        assertTrue(URL_SAFE.matcher(cursor).matches(), "not URL-safe: " + cursor);
    }

    @Test
    void firstPageSortedNewestFirst() {
        List<Item> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(item(i, ts(i * 60), Map.of("title", "post " + i)));
        }
        Collections.shuffle(records, new Random(1));
        Page page = Pagination.paginate(records, 4);
        assertEquals(longs(9, 8, 7, 6), ids(page));
        assertUrlSafe(page.nextCursor());
    }

    @Test
    void walkAllPagesVisitsEachRecordOnce() {
        Random rng = new Random(7);
        List<Item> records = new ArrayList<>();
        for (int i = 1; i < 24; i++) {
            records.add(item(i, ts(rng.nextInt(500))));
        }
        Collections.shuffle(records, rng);
        List<Page> pages = walk(records, 5);
        assertEquals(List.of(5, 5, 5, 5, 3), pages.stream().map(p -> p.items().size()).collect(Collectors.toList()));
        List<Long> expected = records.stream()
                .sorted((a, b) -> a.createdAt().equals(b.createdAt())
                        ? Long.compare(b.id(), a.id()) : b.createdAt().compareTo(a.createdAt()))
                .map(given::get)
                .collect(Collectors.toList());
        List<Long> visited = new ArrayList<>();
        for (Page page : pages) {
            visited.addAll(ids(page));
        }
        assertEquals(expected, visited);
        for (Page page : pages.subList(0, pages.size() - 1)) {
            assertUrlSafe(page.nextCursor());
        }
    }

    @Test
    void duplicateTimestampsTieBrokenById() {
        String same = "2024-03-01T12:00:00Z";
        List<Item> records = new ArrayList<>();
        for (long id : new long[] {5, 12, 1, 9, 3, 7, 11, 2}) {
            records.add(item(id, same));
        }
        records.add(item(100, "2024-03-01T11:59:59Z"));
        records.add(item(0, "2024-03-01T12:00:01Z"));
        List<List<Long>> pages = walk(records, 3).stream().map(this::ids).collect(Collectors.toList());
        assertEquals(List.of(longs(0, 12, 11), longs(9, 7, 5), longs(3, 2, 1), longs(100)), pages);
    }

    @Test
    void stableUnderChangesBetweenPages() {
        List<Item> records = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            records.add(item(i, ts(1000 + i)));
        }
        Page page1 = Pagination.paginate(records, 3);
        assertEquals(longs(10, 9, 8), ids(page1));

        // Newer records arrive (including one sharing the newest timestamp, with a higher id).
        for (int i = 0; i < 5; i++) {
            records.add(item(100 + i, ts(2000 + i)));
        }
        records.add(item(11, ts(1010)));
        Page page2 = Pagination.paginate(records, 3, page1.nextCursor());
        assertEquals(longs(7, 6, 5), ids(page2));

        // The boundary record (last item of page 2) is deleted before page 3 is requested.
        records.removeIf(r -> given.get(r) == 5L);
        Page page3 = Pagination.paginate(records, 3, page2.nextCursor());
        assertEquals(longs(4, 3, 2), ids(page3));

        // An older record inserted meanwhile shows up in its proper place.
        Item older = item(50, ts(1));
        records.add(older);
        Page page4 = Pagination.paginate(records, 3, page3.nextCursor());
        assertEquals(longs(1, 50), ids(page4));
        assertSame(records.get(0), page4.items().get(0));
        assertSame(older, page4.items().get(1));
        assertNull(page4.nextCursor());
    }

    @Test
    void lastPageHasNoNextCursor() {
        List<Item> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(item(i, ts(i)));
        }
        List<Page> pages = walk(records, 5);
        assertEquals(List.of(longs(9, 8, 7, 6, 5), longs(4, 3, 2, 1, 0)),
                pages.stream().map(this::ids).collect(Collectors.toList()));
        assertNull(pages.get(1).nextCursor());
        assertNull(Pagination.paginate(records, 10).nextCursor());
        assertNull(Pagination.paginate(records, 100).nextCursor());
        assertUrlSafe(Pagination.paginate(records, 9).nextCursor());
    }

    @Test
    void emptyInput() {
        Page empty = Pagination.paginate(List.of(), 10);
        assertEquals(List.of(), ids(empty));
        assertNull(empty.nextCursor());
        String cursor = Pagination.paginate(List.of(item(1, ts(1)), item(2, ts(2))), 1).nextCursor();
        Page after = Pagination.paginate(List.of(), 10, cursor);
        assertEquals(List.of(), ids(after));
        assertNull(after.nextCursor());
    }

    @Test
    void limitBounds() {
        List<Item> records = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            records.add(item(i, ts(i)));
        }
        for (int bad : new int[] {0, -1, 101, 1000}) {
            assertThrows(IllegalArgumentException.class, () -> Pagination.paginate(records, bad), "limit " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Pagination.paginate(List.of(), 0), "limit 0, no records");
        assertEquals(longs(149), ids(Pagination.paginate(records, 1)));
        assertEquals(100, ids(Pagination.paginate(records, 100)).size());
    }

    @Test
    void tamperedCursorRejected() {
        assertTrue(IllegalArgumentException.class.isAssignableFrom(InvalidCursorException.class),
                "InvalidCursorException should be an IllegalArgumentException");
        String same = "2024-03-01T12:00:00Z";
        List<Item> records = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            records.add(item(i, same));
        }
        String cursor = Pagination.paginate(records, 4).nextCursor();
        Page expected = Pagination.paginate(records, 4, cursor);
        assertEquals(longs(8, 7, 6, 5), ids(expected));

        List<String> variants = new ArrayList<>();
        for (int i = 0; i < cursor.length(); i++) {
            char replacement = cursor.charAt(i) != 'A' ? 'A' : 'B';
            variants.add(cursor.substring(0, i) + replacement + cursor.substring(i + 1));
        }
        variants.add(cursor.substring(0, cursor.length() - 1));
        variants.add(cursor.substring(1));
        variants.add(cursor + "A");
        variants.add(cursor + cursor.charAt(cursor.length() - 1));
        variants.add(new StringBuilder(cursor).reverse().toString());
        int rejected = 0;
        for (String variant : variants) {
            Page result;
            try {
                result = Pagination.paginate(records, 4, variant);
            } catch (InvalidCursorException e) {
                rejected++;
                continue;
            }
            assertEquals(ids(expected), ids(result), "tampered cursor " + variant + " was accepted");
            assertEquals(expected.nextCursor(), result.nextCursor(), "tampered cursor " + variant + " was accepted");
        }
        assertTrue(rejected >= 0.8 * variants.size(),
                "only " + rejected + " of " + variants.size() + " tampered cursors were rejected");
        // A cursor shortened by more than any padding (a truncated signature, a cut payload) is never valid.
        for (int cut = 3; cut <= 16; cut++) {
            for (String variant : List.of(cursor.substring(0, cursor.length() - cut), cursor.substring(cut))) {
                assertThrows(InvalidCursorException.class, () -> Pagination.paginate(records, 4, variant),
                        "shortened cursor " + variant + " was accepted");
            }
        }
    }

    @Test
    void foreignOrGarbageCursorRejected() {
        List<Item> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(item(i, ts(i)));
        }
        String foreign = Pagination.paginate(records, 5, null, secret("another-tenant-secret")).nextCursor();
        assertThrows(InvalidCursorException.class, () -> Pagination.paginate(records, 5, foreign));
        assertThrows(InvalidCursorException.class,
                () -> Pagination.paginate(records, 5, foreign, secret("yet-another-secret")));
        // The same cursor is accepted with the secret that issued it.
        assertEquals(longs(14, 13, 12, 11, 10),
                ids(Pagination.paginate(records, 5, foreign, secret("another-tenant-secret"))));
        String mine = Pagination.paginate(records, 5, null, secret("s1")).nextCursor();
        assertThrows(InvalidCursorException.class, () -> Pagination.paginate(records, 5, mine, secret("s2")));
        for (String garbage : List.of("", "abc", "!!!!", "a.b", "a.b.c", "null", "eyJpZCI6IDF9", "%00",
                "A".repeat(500))) {
            assertThrows(InvalidCursorException.class, () -> Pagination.paginate(records, 5, garbage),
                    "cursor \"" + garbage + "\"");
        }
    }

    @Test
    void inputNotMutated() {
        Random rng = new Random(3);
        List<Item> records = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> attributes = new HashMap<>(Map.of("tags", new ArrayList<>(List.of("a", "b")), "n", i));
            data.add(attributes);
            records.add(item(i, ts(rng.nextInt(100)), attributes));
        }
        Collections.shuffle(records, rng);
        List<Item> before = new ArrayList<>(records);
        List<Map<String, Object>> dataBefore = data.stream()
                .map(m -> Map.<String, Object>of("tags", List.copyOf((List<?>) m.get("tags")), "n", m.get("n")))
                .collect(Collectors.toList());
        List<Page> pages = walk(records, 7);
        assertEquals(30, pages.stream().mapToInt(p -> ids(p).size()).sum());
        assertEquals(before.size(), records.size(), "the list of records changed size");
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), records.get(i), "the list of records changed at index " + i);
        }
        assertEquals(dataBefore, data, "the records' data changed");
    }

    @Test
    void timestampsComparedAsInstants() {
        List<Item> records = List.of(
                item(1, "2024-01-01T00:00:00.5Z"),
                item(2, "2024-01-01T00:00:00Z"),
                item(3, "2024-01-01T00:00:00.250000+00:00"),
                item(4, "2024-01-01T00:00:01+00:00"),
                item(5, "2024-01-01T00:00:00+00:00"),
                item(6, "2024-01-01T00:00:00.000Z"),
                item(7, "2023-12-31T23:59:59.999999Z"));
        List<List<Long>> pages = walk(records, 2).stream().map(this::ids).collect(Collectors.toList());
        assertEquals(List.of(longs(4, 1), longs(3, 6), longs(5, 2), longs(7)), pages);
    }

    @Test
    void largeInput() {
        int n = 100_000;
        String[] stamps = IntStream.range(0, n / 4).mapToObj(HiddenTest::ts).toArray(String[]::new);
        List<Item> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(item(i, stamps[i / 4]));
        }
        Collections.shuffle(records, new Random(42));
        // Sorting by (createdAt desc, id desc) is simply id descending here.
        Page page = Pagination.paginate(records, 100);
        assertEquals(descending(n - 1, 100), ids(page));
        page = Pagination.paginate(records, 100, page.nextCursor());
        assertEquals(descending(n - 101, 100), ids(page));
        page = Pagination.paginate(records, 37, page.nextCursor());
        assertEquals(descending(n - 201, 37), ids(page));
        assertNotNull(page.nextCursor());
    }

    private static List<Long> descending(long from, int count) {
        return LongStream.range(0, count).map(k -> from - k).boxed().collect(Collectors.toList());
    }
}
