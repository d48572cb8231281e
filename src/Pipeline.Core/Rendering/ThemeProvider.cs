using Microsoft.Extensions.Logging;

namespace Pipeline.Core.Rendering;

/// <summary>Keeps the current <see cref="SiteTheme"/>: rebuilt only when the operator's overrides change.</summary>
public sealed class ThemeProvider(ITemplateSource source, ILogger<ThemeProvider> logger)
{
    private volatile SiteTheme _theme = SiteTheme.Default;

    public async Task<SiteTheme> CurrentAsync(CancellationToken cancellationToken)
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
