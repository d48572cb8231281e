namespace Pipeline.Cli.Tests;

/// <summary>Marker for test classes that share the local host (starting one takes seconds on a busy machine).</summary>
[CollectionDefinition(Name)]
public sealed class CliHostCollection : ICollectionFixture<CliHostFixture>
{
    public const string Name = "CliHost";
}
