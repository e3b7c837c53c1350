using System;

/// <summary>Prints the deployment order of services (smallest name first among the ready ones), or CYCLE.</summary>
public static class Solution
{
    public static void Main()
    {
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            if (line.Trim().Length == 0) continue;
            int colon = line.IndexOf(':');
            string name = line.Substring(0, colon).Trim();
            string[] needs = line.Substring(colon + 1).Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
            // TODO: collect each service's dependencies, then print a valid order (or CYCLE).
        }
    }
}
