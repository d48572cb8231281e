using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/access</c> (anonymous): how the desk signs editors in here: with Entra ID (authority, client id and
/// the scope to ask for; public values of the app registration) or with a key only.
/// </summary>
public sealed class GetSignIn(IOptions<AccessOptions> options)
{
    [Function(nameof(GetSignIn))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/access")] HttpRequest request)
    {
        var access = options.Value;
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult(new
        {
            key = true,
            entra = access.EntraEnabled
                ? new
                {
                    clientId = access.EntraClientId,
                    authorize = access.AuthorizeEndpoint,
                    token = access.TokenEndpoint,
                    scope = access.Scope,
                }
                : null,
        });
    }
}
