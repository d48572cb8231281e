using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Core.Publishing;

namespace Pipeline.Functions.Http;

/// <summary>The <c>top</c> parameter of the API's lists, read the same way by each: absent means the list's default.</summary>
public static class TopQuery
{
    /// <summary>False with the 400 answer when <c>top</c> is not a number from 1 to <see cref="ArticleQueries.MaxTop"/>.</summary>
    public static bool TryRead(HttpRequest request, int fallback, out int top, [NotNullWhen(false)] out IActionResult? error)
    {
        top = fallback;
        error = null;
        if (request.Query.TryGetValue("top", out var text) && (!int.TryParse(text, out top) || top < 1 || top > ArticleQueries.MaxTop))
        {
            error = ApiResults.Error(StatusCodes.Status400BadRequest, "invalid_top", $"top must be a number from 1 to {ArticleQueries.MaxTop}");
            return false;
        }

        return true;
    }
}
