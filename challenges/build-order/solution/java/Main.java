import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/** Prints the deployment order of services (smallest name first among the ready ones), or CYCLE. */
public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // Each service's dependencies: the union of all its lines.
        Map<String, Set<String>> dependencies = new HashMap<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = (colon < 0 ? line : line.substring(0, colon)).trim();
            Set<String> needs = dependencies.computeIfAbsent(name, n -> new LinkedHashSet<>());
            if (colon >= 0) {
                for (String need : line.substring(colon + 1).trim().split("\\s+")) {
                    if (!need.isEmpty()) {
                        needs.add(need);
                    }
                }
            }
        }

        // Services by rank in byte order (names are ASCII: String order is byte order).
        String[] names = dependencies.keySet().toArray(new String[0]);
        Arrays.sort(names);
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            rank.put(names[i], i);
        }
        int[] waiting = new int[names.length];
        List<List<Integer>> dependents = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < names.length; i++) {
            for (String need : dependencies.get(names[i])) {
                Integer j = rank.get(need);
                if (j != null) {  // otherwise an external service, already running
                    waiting[i]++;
                    dependents.get(j).add(i);
                }
            }
        }

        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < names.length; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        StringBuilder order = new StringBuilder();
        int printed = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.append(names[i]).append('\n');
            printed++;
            for (int dependent : dependents.get(i)) {
                if (--waiting[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        System.out.print(printed < names.length ? "CYCLE\n" : order);
        System.out.flush();
    }
}
