namespace Pipeline.Core.Rendering;

/// <summary>Where operator overrides of the theme come from (the <c>templates</c> container), so a theme changes without a deployment.</summary>
public interface ITemplateSource
{
    /// <summary>The current overrides; implementations cache them and look for changes at most every few seconds.</summary>
    Task<TemplateOverrides> GetAsync(CancellationToken cancellationToken);
}
