namespace Pipeline.Functions.Http;

/// <summary>Body of every API error response.</summary>
public sealed record ApiError(string Code, string Message);
