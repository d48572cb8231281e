using Microsoft.AspNetCore.Mvc;

namespace Pipeline.Functions.Http;

/// <summary>The API's JSON error shape: a machine-readable <c>code</c> and a human <c>message</c>.</summary>
public sealed class ApiResults
{
    public static IActionResult Error(int status, string code, string message) =>
        new ObjectResult(new ApiError(code, message)) { StatusCode = status };
}
