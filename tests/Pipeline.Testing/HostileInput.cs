namespace Pipeline.Testing;

/// <summary>One hostile upload of the corpus and what the pipeline must make of it.</summary>
/// <param name="Name">Blob name, itself possibly hostile.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Expect">Failed (with a reason), Published (and inert), or null where either is acceptable.</param>
public sealed record HostileInput(string Name, byte[] Content, HostileOutcome? Expect)
{
    public override string ToString() => Name.Length > 60 ? Name[..60] + "…" : Name;
}

/// <summary>What an upload of the hostile corpus must end as.</summary>
public enum HostileOutcome
{
    Failed,
    Published,
}
