using System.Text.Json;
using Microsoft.Playwright;
using Pipeline.DevHost.Azurite;

namespace Pipeline.EndToEnd.Tests;

/// <summary>axe-core, the accessibility engine, from the repository's npm packages (installed with Azurite by <c>npm ci</c>).</summary>
internal static class Axe
{
    private static string Script
    {
        get
        {
            var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("tests must run inside the repository checkout");
            var path = Path.Combine(root, "node_modules", "axe-core", "axe.min.js");
            return File.Exists(path) ? path : throw new FileNotFoundException("axe-core is not installed: run 'npm ci' in the repository", path);
        }
    }

    /// <summary>Each serious or critical violation on the page as "rule: where", for an assertion message.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const { violations } = await axe.run(document, { resultTypes: ["violations"] });
              return violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`);
            }
            """);
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
