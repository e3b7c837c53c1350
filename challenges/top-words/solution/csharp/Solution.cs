using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

/// <summary>Prints the k most frequent words of the text on stdin.</summary>
public static class Solution
{
    public static void Main()
    {
        byte[] input;
        using (var buffer = new MemoryStream())
        {
            Console.OpenStandardInput().CopyTo(buffer);
            input = buffer.ToArray();
        }
        int newline = Array.IndexOf(input, (byte)'\n');
        if (newline < 0) newline = input.Length;
        int k = int.Parse(Encoding.ASCII.GetString(input, 0, newline).Trim());

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new StringBuilder();
        for (int i = newline + 1; i <= input.Length; i++)
        {
            byte c = i < input.Length ? input[i] : (byte)' ';
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            {
                word.Append((char)(c | 0x20));  // ASCII lower case
            }
            else if (word.Length > 0)
            {
                string key = word.ToString();
                int count;
                counts.TryGetValue(key, out count);
                counts[key] = count + 1;
                word.Clear();
            }
        }

        var ranked = new List<KeyValuePair<string, int>>(counts);
        ranked.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));

        var output = new StringBuilder();
        for (int i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            output.Append(ranked[i].Key).Append(' ').Append(ranked[i].Value).Append('\n');
        }
        Console.Out.Write(output.ToString());
        Console.Out.Flush();
    }
}
