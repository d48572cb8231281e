namespace Pipeline.Core.Articles;

/// <summary>A conditional write lost to a concurrent writer (HTTP 409/412 in storage terms).</summary>
public sealed class ConcurrencyException(string message, Exception? inner = null) : Exception(message, inner);
