namespace Pipeline.Core.Uploads;

/// <summary>Where an upload stands.</summary>
public enum UploadState
{
    Received,
    Published,
    Failed,
    Retrying,
}
