namespace Pipeline.Cli.Commands;

/// <summary>A file on disk and the blob name it is uploaded as (<c>{section}/{relative path}</c>).</summary>
public sealed record UploadFile(string Path, string BlobName, long Length)
{
    /// <summary>
    /// The files named on the command line: a file as itself, a folder with every file below it (hidden ones skipped)
    /// under its path relative to the folder; all under <paramref name="section"/> when one is given.
    /// </summary>
    public static IReadOnlyList<UploadFile> Expand(IEnumerable<string> paths, string? section)
    {
        var prefix = section is null ? string.Empty : section.Trim('/') + "/";
        var files = new List<UploadFile>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Of(path, prefix + System.IO.Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                var root = System.IO.Path.GetFullPath(path);
                var found = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
                    .Select(file => (file, relative: System.IO.Path.GetRelativePath(root, file).Replace('\\', '/')))
                    .Where(f => !f.relative.Split('/').Any(part => part.StartsWith('.')))
                    .OrderBy(f => f.relative, StringComparer.Ordinal);
                files.AddRange(found.Select(f => Of(f.file, prefix + f.relative)));
            }
            else
            {
                throw new CliException(ExitCodes.Invalid, "not_found", $"there is no file or folder at '{path}'");
            }
        }

        var clash = files.GroupBy(f => f.BlobName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new CliException(ExitCodes.Invalid, "duplicate_name",
                $"{string.Join(" and ", clash.Select(f => f.Path))} would both be uploaded as '{clash.Key}'; upload them in separate sections");
        }

        return files;
    }

    private static UploadFile Of(string path, string blobName) => new(System.IO.Path.GetFullPath(path), blobName, new FileInfo(path).Length);
}
