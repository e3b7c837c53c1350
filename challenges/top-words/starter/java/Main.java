import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Prints the k most frequent words of the text on stdin. */
public class Main {
    public static void main(String[] args) throws IOException {
        byte[] input = System.in.readAllBytes();
        int newline = 0;
        while (newline < input.length && input[newline] != '\n') {
            newline++;
        }
        int k = Integer.parseInt(new String(input, 0, newline, StandardCharsets.US_ASCII).trim());
        String text = newline < input.length
                ? new String(input, newline + 1, input.length - newline - 1, StandardCharsets.ISO_8859_1)
                : "";
        // TODO: count the words of `text` and print the k most frequent, one "word count" per line.
    }
}
