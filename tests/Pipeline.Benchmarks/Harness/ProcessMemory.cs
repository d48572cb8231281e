namespace Pipeline.Benchmarks.Harness;

/// <summary>Resident and peak resident memory of a process, from <c>/proc/{pid}/status</c> (Linux).</summary>
public static class ProcessMemory
{
    public static (long Rss, long Peak) Of(int pid)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) * 1024;
            }
        }

        return (rss, peak);

        static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    /// <summary>Starts this process's peak over from its current size (writing 5 to <c>clear_refs</c>), so a figure is one step's alone.</summary>
    public static void ResetOwnPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine("  (cannot reset the peak: it counts since the process started)");
        }
    }
}
