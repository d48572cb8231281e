using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions;

/// <summary>Registers what the function classes need beyond Core and Storage.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddPipelineFunctions(this IServiceCollection services)
    {
        services.AddSingleton<Http.ApiResults>();
        return services;
    }
}
