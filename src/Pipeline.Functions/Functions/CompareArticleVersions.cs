using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/articles/{id}/diff?from=&amp;to=</c>: two versions of an article compared field by field and word by
/// word (<c>spans</c> of <c>same</c>, <c>added</c>, <c>removed</c> text); by default the newest against the one before.
/// </summary>
public sealed class CompareArticleVersions(ArticleQueries queries, ManagementAccess access)
{
    [Function(nameof(CompareArticleVersions))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/articles/{id}/diff")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!TryVersion(request, "from", out var from) || !TryVersion(request, "to", out var to))
        {
            return Http.ApiResults.Error(StatusCodes.Status400BadRequest, "invalid_query", "from and to are version numbers (1, 2, …)");
        }

        try
        {
            var compared = await queries.CompareAsync(id, from, to, cancellationToken);
            if (compared is not { } found)
            {
                return Http.ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no article '{id}'");
            }

            return new OkObjectResult(new
            {
                id,
                from = found.From,
                to = found.To,
                fields = found.Fields.Select(f => new
                {
                    field = f.Field,
                    changed = f.Changed,
                    spans = f.Spans.Select(s => new { kind = s.Kind.ToString().ToLowerInvariant(), text = s.Text }),
                }),
            });
        }
        catch (ArticleVersionNotFoundException ex)
        {
            return Http.ApiResults.Error(StatusCodes.Status404NotFound, "version_not_found", ex.Message);
        }
    }

    private static bool TryVersion(HttpRequest request, string name, out int? version)
    {
        version = null;
        if (!request.Query.TryGetValue(name, out var text) || string.IsNullOrEmpty(text))
        {
            return true;
        }

        var ok = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1;
        version = ok ? n : null;
        return ok;
    }
}
