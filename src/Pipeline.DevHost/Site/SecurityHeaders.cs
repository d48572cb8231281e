namespace Pipeline.DevHost.Site;

/// <summary>Headers every response of the local host carries; the policy is one the default theme satisfies.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = Core.Rendering.SitePolicy.ContentSecurityPolicyHeader;
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        await next(context);
    });
}
