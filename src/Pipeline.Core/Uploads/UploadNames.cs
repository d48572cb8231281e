namespace Pipeline.Core.Uploads;

/// <summary>Which upload names the pipeline publishes: none that could address something outside the uploads container.</summary>
public static class UploadNames
{
    public const int MaxLength = 1024;

    /// <summary>Null when <paramref name="name"/> is safe to read and publish, else the reason in an editor's words.</summary>
    public static string? Check(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "the file has no name";
        }

        if (name.Length > MaxLength)
        {
            return $"the file name is {name.Length} characters long; the limit is {MaxLength}";
        }

        if (name.Any(char.IsControl))
        {
            return "the file name contains control characters; rename it and upload it again";
        }

        if (name.Contains('\\') || name.StartsWith('/') || name.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            return "the file name has empty, '.' or '..' folders or backslashes; rename it and upload it again";
        }

        return null;
    }
}
