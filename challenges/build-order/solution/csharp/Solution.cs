using System;
using System.Collections.Generic;
using System.Text;

/// <summary>Prints the deployment order of services (smallest name first among the ready ones), or CYCLE.</summary>
public static class Solution
{
    public static void Main()
    {
        // Each service's dependencies: the union of all its lines.
        var dependencies = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            if (line.Trim().Length == 0) continue;
            int colon = line.IndexOf(':');
            string name = (colon < 0 ? line : line.Substring(0, colon)).Trim();
            HashSet<string> needs;
            if (!dependencies.TryGetValue(name, out needs))
            {
                needs = new HashSet<string>(StringComparer.Ordinal);
                dependencies.Add(name, needs);
            }
            if (colon < 0) continue;
            foreach (string need in line.Substring(colon + 1).Split((char[])null, StringSplitOptions.RemoveEmptyEntries))
            {
                needs.Add(need);
            }
        }

        // Services by rank in byte order (ordinal comparison; the default one is culture-aware).
        var names = new string[dependencies.Count];
        dependencies.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.Ordinal);
        var rank = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) rank[names[i]] = i;
        var waiting = new int[names.Length];
        var dependents = new List<int>[names.Length];
        for (int i = 0; i < names.Length; i++) dependents[i] = new List<int>();
        for (int i = 0; i < names.Length; i++)
        {
            foreach (string need in dependencies[names[i]])
            {
                int j;
                if (!rank.TryGetValue(need, out j)) continue;  // an external service, already running
                waiting[i]++;
                dependents[j].Add(i);
            }
        }

        // The ranks of the services that are ready; a sorted set serves as a min-priority queue.
        var ready = new SortedSet<int>();
        for (int i = 0; i < names.Length; i++)
        {
            if (waiting[i] == 0) ready.Add(i);
        }
        var order = new StringBuilder();
        int printed = 0;
        while (ready.Count > 0)
        {
            int i = ready.Min;
            ready.Remove(i);
            order.Append(names[i]).Append('\n');
            printed++;
            foreach (int dependent in dependents[i])
            {
                if (--waiting[dependent] == 0) ready.Add(dependent);
            }
        }
        Console.Out.Write(printed < names.Length ? "CYCLE\n" : order.ToString());
        Console.Out.Flush();
    }
}
