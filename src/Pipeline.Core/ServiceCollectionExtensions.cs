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
        services.AddSingleton<Pictures.PictureRenderer>();
        services.AddSingleton<Pictures.PictureAttacher>();
        services.AddSingleton<Pictures.PictureFetcher>();
        services.AddSingleton<Publishing.SectionDirectory>();
        services.AddSingleton<Publishing.WorkingMemoryGate>();
        services.AddSingleton<PageRenderer>();
        services.AddOptions<ShortLinkOptions>()
            .BindConfiguration(ShortLinkOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ShortLinkService>();
        services.AddSingleton<Uploads.UploadGrantService>();
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton<Publishing.ArticlePreviews>();
        services.AddSingleton<CoarseClock>();
        services.AddSingleton<RedirectCache>();
        services.AddSingleton<LookupLimiter>();
        services.AddSingleton<ClickCounter>();
        services.AddSingleton<ShortLinkRedirector>();
        services.AddHostedService<ClickFlushService>();
        services.AddSingleton<Articles.ArticleIdentity>();
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<IArticleIngestor>(sp => sp.GetRequiredService<ArticleIngestor>());
        services.AddSingleton<ArticleQueries>();
        services.AddSingleton<UploadRecovery>();
        services.AddSingleton<ArticleRepublisher>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<ThemeProvider>();
        services.AddSingleton<SiteComposer>();
        services.AddSingleton<SiteRebuilder>();
        services.AddSingleton<SitePublisher>();
        services.AddSingleton<IArticleRenderer>(sp => sp.GetRequiredService<SitePublisher>());
        return services;
    }
}
