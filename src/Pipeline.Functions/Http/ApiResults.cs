using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Core.Links;

namespace Pipeline.Functions.Http;

/// <summary>The API's JSON error shape: a machine-readable <c>code</c> and a human <c>message</c>.</summary>
public sealed class ApiResults
{
    public static IActionResult Error(int status, string code, string message) =>
        new ObjectResult(new ApiError(code, message)) { StatusCode = status };

    /// <summary>A link operation's error with the status its code stands for.</summary>
    public static IActionResult Error(LinkError error) => Error(StatusOf(error.Code), error.Code, error.Message);

    /// <summary>200 with the value shown by <paramref name="view"/>, or the operation's error.</summary>
    public static IActionResult Ok<T>(LinkResult<T> result, Func<T, object> view)
        where T : class => result.Succeeded ? new OkObjectResult(view(result.Value!)) : Error(result.Error!);

    public static int StatusOf(string errorCode) => errorCode switch
    {
        LinkErrorCodes.CodeTaken or LinkErrorCodes.Conflict => StatusCodes.Status409Conflict,
        LinkErrorCodes.NotFound => StatusCodes.Status404NotFound,
        LinkErrorCodes.Archived or LinkErrorCodes.Expired => StatusCodes.Status410Gone,
        LinkErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };
}
