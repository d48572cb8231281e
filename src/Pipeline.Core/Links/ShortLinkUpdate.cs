namespace Pipeline.Core.Links;

/// <summary>A change to a link (PATCH): fields left null stay as they are; <see cref="ClearExpiry"/> removes the expiry.</summary>
public sealed record ShortLinkUpdate(
    string? Url = null,
    string? Title = null,
    DateTimeOffset? ExpiresAt = null,
    string? ExpiredUrl = null,
    bool ClearExpiry = false,
    bool? PassQuery = null)
{
    /// <summary>What the change sets, for the audit trail: <c>target https://…, expiry none</c>.</summary>
    public string Describe() => string.Join(", ", new[]
        {
            ("target", Url),
            ("title", Title),
            ("expiry", ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? (ClearExpiry ? "none" : null)),
            ("expired target", ExpiredUrl),
            ("query pass-through", PassQuery?.ToString().ToLowerInvariant()),
        }
        .Where(c => c.Item2 is not null).Select(c => $"{c.Item1} {c.Item2}"));
}
