namespace Pipeline.Core.Uploads;

/// <summary>An upload opened for reading: its stream and what storage says about it.</summary>
public sealed class UploadContent(Stream content, long length, DateTimeOffset lastModified, string etag) : IAsyncDisposable
{
    public Stream Content { get; } = content;
    public long Length { get; } = length;
    public DateTimeOffset LastModified { get; } = lastModified;
    public string ETag { get; } = etag;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
