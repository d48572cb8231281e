namespace Pipeline.Core.Links;

/// <summary>A link's stored clicks: <see cref="Clicks"/> counts people only; bots are counted apart.</summary>
public sealed record ClickTotals(long Clicks, long Bots, IReadOnlyList<ClickDay> Days)
{
    public static ClickTotals From(IReadOnlyList<ClickDay> days) =>
        new(days.Sum(d => d.Clicks), days.Sum(d => d.Bots), days.OrderBy(d => d.Day).ToList());
}
