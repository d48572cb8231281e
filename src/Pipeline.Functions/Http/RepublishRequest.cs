namespace Pipeline.Functions.Http;

/// <summary>Body of <c>POST /api/articles/republish</c>: exactly one of an article id, a section, or all.</summary>
public sealed record RepublishRequest(string? Id, string? Section, bool All)
{
    /// <summary>True when the body names exactly one scope.</summary>
    public bool IsValid => (Id is { Length: > 0 } ? 1 : 0) + (Section is { Length: > 0 } ? 1 : 0) + (All ? 1 : 0) == 1;
}
