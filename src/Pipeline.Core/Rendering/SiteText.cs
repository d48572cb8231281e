using System.Globalization;

namespace Pipeline.Core.Rendering;

/// <summary>How dates and names are written on the site, the same in pages, feeds and sitemaps.</summary>
public static class SiteText
{
    /// <summary>ISO 8601 in UTC, as <c>&lt;time datetime&gt;</c>, JSON-LD, Atom and sitemaps want it.</summary>
    public static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 822, as RSS wants it.</summary>
    public static string Rfc822(DateTimeOffset value) => value.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>What a reader sees: <c>3 March 2026, 10:00 UTC</c>.</summary>
    public static string Display(DateTimeOffset value) => value.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Display"/>, without a time when none is known (a page that gave only its date is dated at midnight).</summary>
    public static string DisplayDate(DateTimeOffset value) =>
        value.UtcDateTime.TimeOfDay == TimeSpan.Zero ? value.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : Display(value);

    /// <summary>A month key (<c>2026-03</c>) as a reader reads it: <c>March 2026</c>.</summary>
    public static string Month(string key) =>
        DateTime.TryParseExact(key, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : key;

    /// <summary>A section or tag slug as a heading: <c>world-news</c> → <c>World news</c>.</summary>
    public static string Humanize(string slug)
    {
        var words = slug.Replace('-', ' ').Trim();
        return words.Length == 0 ? slug : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
