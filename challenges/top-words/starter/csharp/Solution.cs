using System;

/// <summary>Prints the k most frequent words of the text on stdin.</summary>
public static class Solution
{
    public static void Main()
    {
        string input = Console.In.ReadToEnd();
        int newline = input.IndexOf('\n');
        int k = int.Parse((newline < 0 ? input : input.Substring(0, newline)).Trim());
        string text = newline < 0 ? "" : input.Substring(newline + 1);
        // TODO: count the words of `text` and print the k most frequent, one "word count" per line.
    }
}
