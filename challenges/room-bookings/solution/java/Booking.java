/**
 * One booking request: a room and the minutes [start, end) it would occupy.
 * Provided for you; the tests create these. Do not change it.
 */
public record Booking(String room, int start, int end) {
}
