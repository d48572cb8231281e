using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>Marker for test classes that share the assembly's Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
