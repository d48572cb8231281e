namespace Pipeline.Core.Links;

/// <summary>Why a link operation failed: a code from <see cref="LinkErrorCodes"/> and a message for people.</summary>
public sealed record LinkError(string Code, string Message);
