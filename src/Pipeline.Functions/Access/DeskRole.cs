namespace Pipeline.Functions.Access;

/// <summary>
/// The app roles of the desk's registration. Editors upload, review and correct, and keep links; publishers also
/// decide what the public sees (approve, unpublish, republish). A publisher may do all an editor may.
/// </summary>
public enum DeskRole
{
    Editor,
    Publisher,
}

public static class DeskRoles
{
    /// <summary>Whether a caller with <paramref name="held"/> roles (the token's <c>roles</c> values) may act as <paramref name="needed"/>.</summary>
    public static bool Allows(IEnumerable<string> held, DeskRole needed)
    {
        var roles = held.ToHashSet(StringComparer.Ordinal);
        return roles.Contains(nameof(DeskRole.Publisher)) || needed == DeskRole.Editor && roles.Contains(nameof(DeskRole.Editor));
    }
}
