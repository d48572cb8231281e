using System.Globalization;

namespace Pipeline.Cli.Commands;

/// <summary>Reads <c>--expires</c>: a span from now (<c>90m</c>, <c>12h</c>, <c>30d</c>) or a date and time (<c>2026-12-31</c>, ISO 8601).</summary>
public static class Expiry
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        text = text.Trim();
        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            TimeSpan? span = char.ToLowerInvariant(text[^1]) switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (span is { } length)
            {
                expiresAt = now + length;
                return true;
            }
        }

        // A date without a zone is read as UTC, the same for every editor whatever their machine's zone.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out expiresAt);
    }
}
