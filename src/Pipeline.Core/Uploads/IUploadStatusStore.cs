namespace Pipeline.Core.Uploads;

/// <summary>Per-upload status, keyed by blob name.</summary>
public interface IUploadStatusStore
{
    Task SetAsync(UploadStatus status, CancellationToken cancellationToken);

    Task<UploadStatus?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every recorded status (one row per upload ever seen).</summary>
    IAsyncEnumerable<UploadStatus> ListAsync(CancellationToken cancellationToken);
}
