using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/access/key</c>: 204 for a function key of this app, 401 (from the host) for anything else. The only
/// route the host itself guards with a key; the management routes ask it through <see cref="HostKeyCheck"/>.
/// </summary>
public sealed class CheckKey
{
    [Function(nameof(CheckKey))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = HostKeyCheck.Route)] HttpRequest request) => new NoContentResult();
}
