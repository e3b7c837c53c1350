import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints the k most frequent words of the text on stdin. */
public class Main {
    public static void main(String[] args) throws IOException {
        byte[] input = System.in.readAllBytes();
        int newline = 0;
        while (newline < input.length && input[newline] != '\n') {
            newline++;
        }
        int k = Integer.parseInt(new String(input, 0, newline, StandardCharsets.US_ASCII).trim());

        Map<String, int[]> counts = new HashMap<>();
        int i = newline + 1;
        while (i < input.length) {
            if (!isLetter(input[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < input.length && isLetter(input[i])) {
                input[i] |= 0x20;  // ASCII lower case
                i++;
            }
            String word = new String(input, start, i - start, StandardCharsets.ISO_8859_1);
            counts.computeIfAbsent(word, w -> new int[1])[0]++;
        }

        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));

        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, int[]> entry : ranked.subList(0, Math.min(k, ranked.size()))) {
            out.append(entry.getKey()).append(' ').append(entry.getValue()[0]).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }

    static boolean isLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }
}
