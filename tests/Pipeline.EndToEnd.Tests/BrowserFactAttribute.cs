namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// A test that drives a Chromium-family browser through Playwright, which never downloads one: the browser named by
/// <c>PIPELINE_BROWSER</c> (any Chromium or Chrome), else the first of Debian's <c>/usr/bin/chromium</c> and the usual
/// Chrome paths. On a machine without any (a fresh one with only .NET and Node) the test is reported as skipped with
/// the install command, so the README's <c>dotnet test</c> passes there; under CI (<c>CI=true</c>, or
/// <c>PIPELINE_REQUIRE_BROWSER=1</c>) a missing browser fails the test instead of hiding it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string BrowserVariable = "PIPELINE_BROWSER";

    /// <summary>Set to 1 to make a missing browser a failure (CI=true does the same).</summary>
    public const string RequireVariable = "PIPELINE_REQUIRE_BROWSER";

    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The browser the tests launch; null when there is none.</summary>
    public static string? Chromium { get; } = Find();

    /// <summary>The browser to launch; a run that requires one and has none fails here, saying what to install.</summary>
    public static string Executable => Chromium ?? throw new InvalidOperationException(
        $"no browser: install one with 'sudo apt-get install -y chromium', or name any Chromium or Chrome in {BrowserVariable}");

    /// <summary>The browser, headless, with no sandbox (CI runs as root), no GPU and no calls home of its own.</summary>
    public static Task<Microsoft.Playwright.IBrowser> LaunchAsync(Microsoft.Playwright.IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new Microsoft.Playwright.BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });

    /// <summary>What the page reports as errors from now on (console errors and uncaught exceptions), with its address.</summary>
    public static List<string> WatchErrors(Microsoft.Playwright.IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
        return errors;
    }

    public static bool Required =>
        Environment.GetEnvironmentVariable(RequireVariable) == "1" ||
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public BrowserFactAttribute()
    {
        if (Chromium is null && !Required)
        {
            var named = Environment.GetEnvironmentVariable(BrowserVariable);
            Skip = string.IsNullOrEmpty(named)
                ? $"no browser at {string.Join(", ", KnownPaths)}: install one with 'sudo apt-get install -y chromium', or name any Chromium or Chrome in {BrowserVariable}"
                : $"{BrowserVariable} names '{named}', which is not there";
        }
    }

    private static string? Find()
    {
        var named = Environment.GetEnvironmentVariable(BrowserVariable);
        if (!string.IsNullOrEmpty(named))
        {
            return File.Exists(named) ? named : null;
        }

        return KnownPaths.FirstOrDefault(File.Exists);
    }
}
