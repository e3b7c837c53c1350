import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Prints the deployment order of services (smallest name first among the ready ones), or CYCLE. */
public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String[] needs = line.substring(colon + 1).trim().split("\\s+");
            // TODO: collect each service's dependencies, then print a valid order (or CYCLE).
        }
    }
}
