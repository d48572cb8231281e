using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;

namespace Pipeline.Functions.Functions;

/// <summary><c>POST /api/links</c>: shortens a URL.</summary>
public sealed class CreateShortLink(ShortLinkService links, ILogger<CreateShortLink> logger)
{
    [Function(nameof(CreateShortLink))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/links")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<ShortLinkRequest>(request, cancellationToken);
        if (body is null)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, "invalid_body", error!);
        }

        var result = await links.CreateAsync(body, cancellationToken);
        if (!result.Succeeded)
        {
            var status = result.ErrorCode == "code_taken" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return ApiResults.Error(status, result.ErrorCode!, result.ErrorMessage!);
        }

        var link = result.Link!;
        var shortUrl = links.ShortUrl(link.Code).ToString();
        logger.LogInformation("Created short link {Code}", link.Code);
        return new CreatedResult(shortUrl, new { code = link.Code, shortUrl, url = link.Url, title = link.Title });
    }
}
