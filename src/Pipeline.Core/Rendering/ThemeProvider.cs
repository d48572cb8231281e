using Microsoft.Extensions.Logging;

namespace Pipeline.Core.Rendering;

/// <summary>Keeps the current <see cref="SiteTheme"/>: rebuilt only when the operator's overrides change.</summary>
public sealed class ThemeProvider(ITemplateSource source, Publishing.SectionDirectory sections, ILogger<ThemeProvider> logger)
{
    private volatile SiteTheme _theme = SiteTheme.Default;

    /// <summary>The theme with the current sections for the header (a new instance only when either changed).</summary>
    public async Task<SiteTheme> CurrentAsync(CancellationToken cancellationToken)
    {
        var theme = await TemplatesAsync(cancellationToken);
        _theme = theme = theme.WithSections(await sections.CurrentAsync(cancellationToken));
        return theme;
    }

    private async Task<SiteTheme> TemplatesAsync(CancellationToken cancellationToken)
    {
        var overrides = await source.GetAsync(cancellationToken);
        var theme = _theme;
        if (theme.Version == overrides.Version)
        {
            return theme;
        }

        var problems = new List<string>();
        theme = SiteTheme.Build(overrides, problems);
        foreach (var problem in problems)
        {
            logger.LogError("Template override ignored: {Problem}", problem);
        }

        logger.LogInformation("Theme now uses {OverrideCount} override(s) from the templates container", overrides.Files.Count);
        _theme = theme;
        return theme;
    }
}
