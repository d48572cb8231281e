namespace Pipeline.Core.Uploads;

/// <summary>Per-upload status, keyed by blob name.</summary>
public interface IUploadStatusStore
{
    Task SetAsync(UploadStatus status, CancellationToken cancellationToken);

    /// <summary>Records the status only if the upload has none yet; true when it was added (the upload is new).</summary>
    Task<bool> TryAddAsync(UploadStatus status, CancellationToken cancellationToken);

    Task<UploadStatus?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every recorded status (one row per upload ever seen).</summary>
    IAsyncEnumerable<UploadStatus> ListAsync(CancellationToken cancellationToken);
}
