namespace Pipeline.Core.Uploads;

/// <summary>Where an upload stands.</summary>
public enum UploadState
{
    Received,
    Published,
    Failed,
    Retrying,

    /// <summary>A picture whose article is not uploaded yet; the article's upload takes it up.</summary>
    Waiting,
}
