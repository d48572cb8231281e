namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// A test that drives Debian's Chromium. On a machine without it (a fresh one with only .NET and Node) the test is
/// reported as skipped with the install command, so the README's <c>dotnet test</c> passes there; CI sets
/// <c>PIPELINE_REQUIRE_BROWSER=1</c>, and then a missing browser fails the test instead of hiding it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Where the browser tests expect Chromium (Playwright never downloads one).</summary>
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Set to 1 to make a missing browser a failure.</summary>
    public const string RequireVariable = "PIPELINE_REQUIRE_BROWSER";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable(RequireVariable) != "1")
        {
            Skip = $"no browser at {Chromium}: install it with 'apt-get install -y chromium' (set {RequireVariable}=1 to make this a failure)";
        }
    }
}
