namespace Pipeline.Core.Links;

/// <summary>A link operation's value, or the <see cref="LinkError"/> that stopped it; both convert implicitly.</summary>
public sealed class LinkResult<T>
    where T : class
{
    private LinkResult(T? value, LinkError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public LinkError? Error { get; }
    public bool Succeeded => Error is null;

    public static implicit operator LinkResult<T>(T value) => new(value, null);

    public static implicit operator LinkResult<T>(LinkError error) => new(null, error);
}
