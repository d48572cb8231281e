using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>POST /api/articles/republish</c> <c>{id | section | all}</c>: queues the render of articles whose content did not
/// change (after a theme change, or to repair a page) and answers 202 with them; each page is live again once its
/// <c>renderedVersion</c> is back at its <c>version</c>.
/// </summary>
public sealed class RepublishArticles(ArticleRepublisher republisher, PublicUrls urls, AuditTrail audit, ILogger<RepublishArticles> logger, ManagementAccess access)
{
    [Function(nameof(RepublishArticles))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/articles/republish")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Publisher, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (body, error) = await JsonBody.ReadAsync<RepublishRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (body is null || !body.IsValid)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, "invalid_body", "send exactly one of {\"id\": \"…\"}, {\"section\": \"…\"} or {\"all\": true}");
        }

        IReadOnlyList<Core.Articles.ArticleRecord> queued;
        if (body.Id is { Length: > 0 } id)
        {
            var record = await republisher.RepublishAsync(id, cancellationToken);
            if (record is null)
            {
                return ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no article '{id}'");
            }

            queued = [record];
            await audit.RecordAsync(RequestActor.Of(request), AuditActions.Republished, AuditSubjectKind.Article, id, null, cancellationToken);
        }
        else
        {
            queued = await republisher.RepublishListingAsync(body.Section, cancellationToken);
        }

        logger.LogInformation("Republish queued {ArticleCount} articles", queued.Count);
        return new ObjectResult(new { requested = queued.Count, articles = queued.Select(a => ArticleResponse.From(a, urls)) })
        {
            StatusCode = StatusCodes.Status202Accepted,
        };
    }
}
