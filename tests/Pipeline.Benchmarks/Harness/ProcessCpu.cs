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

                // Fields 14 and 15 of /proc/<pid>/stat are user and system time in clock ticks; the command name before them may hold spaces.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
