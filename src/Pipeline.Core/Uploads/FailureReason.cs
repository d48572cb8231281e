namespace Pipeline.Core.Uploads;

/// <summary>
/// What an editor reads in an upload's status when something failed underneath: one sentence. Exception messages of
/// the storage SDK run to many lines (status, error code, request ids, every response header); those belong in the
/// log, where the exception is written whole, not in a status an editor or the desk shows.
/// </summary>
public static class FailureReason
{
    public const int MaxLength = 160;

    public static string Of(Exception exception)
    {
        if (exception is TimeoutException or TaskCanceledException or HttpRequestException)
        {
            return "storage could not be reached in time";
        }

        var text = exception.Message;
        var end = text.IndexOfAny(['\r', '\n']);
        if (end >= 0)
        {
            text = text[..end];
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return "an unexpected error";
        }

        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)].TrimEnd() + "…";
    }
}
