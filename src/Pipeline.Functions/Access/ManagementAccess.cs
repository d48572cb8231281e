using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Audit;
using Pipeline.Functions.Http;

namespace Pipeline.Functions.Access;

/// <summary>
/// The door of every management call, run by the function itself first (so both hosts run the same check): a
/// function key (<c>x-functions-key</c> or <c>?code=</c>, as the host reads them), checked by the host; or an Entra ID
/// access token (<c>Authorization: Bearer</c>) with the role the call needs. The caller found is kept on the request
/// for the audit trail. Answers as the host does for a missing or wrong key (401, no body); a token's problem is
/// named (401 with <c>WWW-Authenticate</c>), a missing role is 403, and a check that cannot be made now is 503.
/// </summary>
public sealed partial class ManagementAccess(EntraTokens tokens, HostKeyCheck keys, ILogger<ManagementAccess> logger)
{
    public bool SignInEnabled => tokens.Enabled;

    /// <summary>Null when the caller may go on (and is then on the request for <see cref="RequestActor"/>), else the answer to give.</summary>
    public async Task<IActionResult?> RefuseAsync(HttpRequest request, DeskRole needed, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Items.TryGetValue(RequestActor.ItemKey, out var known) && known is Actor)
        {
            // Put there by the host before the call (the local host's open desk); nothing a request carries can set it.
            return null;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return await CheckTokenAsync(request, authorization["Bearer ".Length..].Trim(), needed, cancellationToken);
        }

        var key = HostKeyCheck.KeyOf(request);
        if (string.IsNullOrEmpty(key))
        {
            return new UnauthorizedResult();
        }

        switch (await keys.IsValidAsync(key, cancellationToken))
        {
            case true:
                request.HttpContext.Items[RequestActor.ItemKey] = Actor.Key();
                return null;
            case false:
                return new UnauthorizedResult();
            default:
                LogKeyUncheckable();
                return Unavailable("the key could not be checked just now; try again in a moment");
        }
    }

    private async Task<IActionResult?> CheckTokenAsync(HttpRequest request, string token, DeskRole needed, CancellationToken cancellationToken)
    {
        var verdict = await tokens.ValidateAsync(token, cancellationToken);
        if (verdict.Unavailable)
        {
            LogTokenUncheckable(verdict.Refusal!);
            return Unavailable(verdict.Refusal!);
        }

        if (verdict.User is not { } user)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{verdict.Refusal}\"";
            return ApiResults.Error(StatusCodes.Status401Unauthorized, "invalid_token", verdict.Refusal!);
        }

        if (!DeskRoles.Allows(user.Roles, needed))
        {
            LogRoleMissing(user.Name, user.ObjectId, needed);
            return ApiResults.Error(StatusCodes.Status403Forbidden, "forbidden",
                $"{user.Name} is signed in but does not have the {needed} role this needs; an administrator assigns it in the app registration");
        }

        request.HttpContext.Items[RequestActor.ItemKey] = new Actor(user.Name, user.ObjectId, Actor.UserKind);
        return null;
    }

    private static IActionResult Unavailable(string message) => ApiResults.Error(StatusCodes.Status503ServiceUnavailable, "access_unavailable", message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A management key could not be checked: the app's key-check route did not answer")]
    private partial void LogKeyUncheckable();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An Entra token could not be checked: {Reason}")]
    private partial void LogTokenUncheckable(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {User} ({ObjectId}): needs the {Role} role")]
    private partial void LogRoleMissing(string user, string objectId, DeskRole role);
}
