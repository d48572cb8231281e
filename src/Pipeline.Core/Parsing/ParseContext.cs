namespace Pipeline.Core.Parsing;

/// <summary>What a parser knows about an upload besides its bytes.</summary>
/// <param name="FileName">Blob name, possibly with a section folder (<c>pakistan/story.txt</c>).</param>
/// <param name="UploadedAt">When the upload arrived; relative times resolve against it.</param>
public sealed record ParseContext(string FileName, DateTimeOffset UploadedAt)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Larger uploads are refused with a reason instead of being read.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
