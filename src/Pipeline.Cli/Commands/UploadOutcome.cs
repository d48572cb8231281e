using System.Text.Json;
using Pipeline.Cli.Output;

namespace Pipeline.Cli.Commands;

/// <summary>Where one upload stands after the wait: its last status from the API (null if never seen) and whether it is finished.</summary>
public sealed record UploadOutcome(UploadFile File, JsonElement? Status, bool Done)
{
    public string? State => Status?.Str("state");

    public bool Failed => State == "failed";

    /// <summary>Published, and every article meant to be public has its current version live on the site.</summary>
    public static bool IsLive(JsonElement status) =>
        status.Str("state") == "published"
        && status.Items("articles").Where(a => a.Str("state") == "published").All(a => a.Int("renderedVersion") >= a.Int("version"));
}
