using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Core.Links;
using Pipeline.Core.Parsing;
using Pipeline.Core.Publishing;
using Pipeline.Core.Rendering;

namespace Pipeline.Core;

/// <summary>Registers the domain services of the pipeline.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddPipelineCore(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>()
            .BindConfiguration(PipelineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IArticleParser, WordArticleParser>();
        services.AddSingleton<IArticleParser, JsonArticleParser>();
        services.AddSingleton<IArticleParser, MarkdownArticleParser>();
        services.AddSingleton<IArticleParser, PageTextParser>();
        services.AddSingleton<ArticleFileParser>();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<ShortLinkService>();
        services.AddSingleton<IArticleIngestor, ArticleIngestor>();
        services.AddSingleton<SitePublisher>();
        services.AddSingleton<IArticleRenderer>(sp => sp.GetRequiredService<SitePublisher>());
        return services;
    }
}
