using Microsoft.AspNetCore.Http;
using Pipeline.Core.Audit;

namespace Pipeline.Functions.Http;

/// <summary>Who made a management call, for the audit trail: the signed-in person the request's authentication found, else a key holder.</summary>
public static class RequestActor
{
    public const string ItemKey = "pipeline.actor";

    public static Actor Of(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(ItemKey, out var actor) && actor is Actor known ? known : Actor.Key();
}
