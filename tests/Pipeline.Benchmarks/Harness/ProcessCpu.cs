namespace Pipeline.Benchmarks.Harness;

/// <summary>CPU time used so far by the processes whose command line contains a marker (Linux /proc): how much of a step's cost lands on the emulator.</summary>
public static class ProcessCpu
{
    public static TimeSpan Of(string marker)
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out _) || !File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(marker, StringComparison.Ordinal))
                {
                    continue;
                }

                ticks += Ticks(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>CPU time used so far by one process: what it spent, where waits summed across parallel workers would count one wait many times.</summary>
    public static TimeSpan Of(int pid) => TimeSpan.FromSeconds(Ticks($"/proc/{pid}/stat") / 100.0);

    public static TimeSpan Own() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    // Fields 14 and 15 of /proc/<pid>/stat are user and system time in clock ticks; the command name before them may hold spaces.
    private static long Ticks(string statPath)
    {
        var stat = File.ReadAllText(statPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }
}
