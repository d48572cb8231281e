using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Core.Publishing;

namespace Pipeline.Functions.Http;

/// <summary>The answer to a review decision: the article as it is now, 404 when there is none, 409 when it was not held.</summary>
public static class ReviewResults
{
    public static IActionResult Of(ReviewOutcome? outcome, string id, PublicUrls urls) => outcome switch
    {
        { Article: { } article, WasHeld: true } => new OkObjectResult(ArticleResponse.From(article, urls)),
        { Article: { } article } => ApiResults.Error(StatusCodes.Status409Conflict, "not_in_review",
            $"article '{id}' is {article.State.ToString().ToLowerInvariant()}, not held for review"),
        _ => ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no article '{id}'"),
    };
}
