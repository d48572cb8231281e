using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Infrastructure;

/// <summary>Resolves commands and their services; disposing it (Spectre does after the command) releases HTTP and storage clients.</summary>
public sealed class TypeResolver(ServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    public void Dispose() => provider.Dispose();
}
