namespace Pipeline.Benchmarks.Harness;

/// <summary>One measured figure of the README's performance table, runnable by name.</summary>
public interface IScenario
{
    /// <summary>Command-line name, e.g. <c>parse</c>.</summary>
    string Name { get; }

    /// <summary>One line on what it measures.</summary>
    string Description { get; }

    Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken);
}
