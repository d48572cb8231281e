using System.Globalization;
using System.Text.Json;

namespace Pipeline.Benchmarks.Harness;

/// <summary>Finds scenarios by name, runs one, prints the figure and writes it as JSON.</summary>
public static class ScenarioRunner
{
    public static IReadOnlyList<IScenario> All() => typeof(ScenarioRunner).Assembly.GetTypes()
        .Where(t => typeof(IScenario).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (IScenario)Activator.CreateInstance(t)!)
        .OrderBy(s => s.Name, StringComparer.Ordinal)
        .ToList();

    public static async Task<int> RunAsync(string[] args)
    {
        var scenarios = All();
        var scenario = args.Length > 0 ? scenarios.FirstOrDefault(s => s.Name == args[0]) : null;
        if (scenario is null)
        {
            Console.WriteLine("usage: dotnet run -c Release --project tests/Pipeline.Benchmarks -- <scenario> [options]");
            Console.WriteLine();
            foreach (var s in scenarios)
            {
                Console.WriteLine($"  {s.Name,-14} {s.Description}");
            }

            return args.Length == 0 ? 0 : 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var machine = MachineInfo.Current();
        Console.WriteLine($"Scenario {scenario.Name}: {scenario.Description}");
        Console.WriteLine($"Machine: {machine}");
        var result = await scenario.RunAsync(args[1..], cancel.Token);

        Console.WriteLine();
        Console.WriteLine(Format(result));
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkResults");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{scenario.Name}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { scenario = scenario.Name, machine, result, ratio = result.Ratio },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"Written to {file}");
        return 0;
    }

    public static string Format(ScenarioResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"{r.Figure}: median {r.Median:0.###} {r.Unit} (min {r.Min:0.###}, max {r.Max:0.###}, {r.Runs} runs)"),
            $"target: {r.Target}",
        };
        if (r.Anchor is not null)
        {
            lines.Add(r.Ratio is { } ratio ? string.Create(c, $"anchor: {r.Anchor}; ratio {ratio:0.###}") : $"anchor: {r.Anchor}");
        }

        foreach (var (name, value) in r.Details ?? new Dictionary<string, double>())
        {
            lines.Add(string.Create(c, $"  {name}: {value:0.###}"));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
