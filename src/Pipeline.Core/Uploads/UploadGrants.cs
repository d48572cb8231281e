using Microsoft.Extensions.Options;
using Pipeline.Core.Pictures;

namespace Pipeline.Core.Uploads;

/// <summary>Signs addresses that let their holder write one upload, and nothing else, for a short time.</summary>
public interface IUploadGrantSigner
{
    /// <summary>An address of the upload <paramref name="blobName"/> that allows creating or replacing it until <paramref name="expiresAt"/>.</summary>
    ValueTask<Uri> SignAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}

/// <summary>One file an editor wants to upload from the desk: its path below the chosen folder, and its size when known.</summary>
public sealed record UploadGrantFile(string? Name, long? Size);

/// <summary>The answer for one file: the upload name it becomes and the address to write it to, or why it may not be uploaded.</summary>
public sealed record UploadGrantItem(int Index, string? Name, Uri? Url, string? ErrorCode, string? Error);

/// <summary>The answer to one request: when the addresses expire and each file's item; or why the whole request was refused.</summary>
public sealed record UploadGrantBatch(DateTimeOffset ExpiresAt, IReadOnlyList<UploadGrantItem> Items)
{
    public int Granted => Items.Count(i => i.Url is not null);
}

/// <summary>
/// Lets an editor's browser write uploads straight to the uploads container, so that large files never pass through
/// the function app: for each file a name in the chosen section and an address signed for that one name, valid for
/// <see cref="Lifetime"/>. A file the pipeline would refuse anyway (a name it does not publish, a kind it does not
/// read, a size over its limit) is refused here, before its bytes travel.
/// </summary>
public sealed class UploadGrantService(IUploadGrantSigner signer, IOptions<PipelineOptions> options, TimeProvider clock)
{
    /// <summary>Long enough for a large file on a slow line (the write only has to start before the expiry), short enough to be useless once leaked.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public const int MaxFiles = 100;

    public const string InvalidName = "invalid_name";
    public const string InvalidSection = "invalid_section";
    public const string UnsupportedKind = "unsupported_kind";
    public const string TooLarge = "too_large";

    public DateTimeOffset ExpiryFromNow() => clock.GetUtcNow() + Lifetime;

    /// <summary>
    /// A request as the API receives it: at least one and at most <see cref="MaxFiles"/> files, into a section that has
    /// letters or digits. Null batch with a code and reason when the request as a whole is refused.
    /// </summary>
    public async Task<(UploadGrantBatch? Batch, string? Code, string? Error)> RequestAsync(string? section, IReadOnlyList<UploadGrantFile?>? files, CancellationToken cancellationToken)
    {
        if (files is not { Count: > 0 })
        {
            return (null, "invalid_body", "name at least one file in 'files'");
        }

        if (files.Count > MaxFiles)
        {
            return (null, "too_many", $"{files.Count} files at once; send at most {MaxFiles} a call");
        }

        var (folder, invalidSection) = FolderOf(section);
        if (invalidSection is not null)
        {
            return (null, InvalidSection, invalidSection);
        }

        var expiresAt = ExpiryFromNow();
        return (new UploadGrantBatch(expiresAt, await GrantAsync(folder, files, expiresAt, cancellationToken)), null, null);
    }

    /// <summary>The folder an editor's section becomes (its slug), or null with the reason when it has none.</summary>
    public static (string? Folder, string? Error) FolderOf(string? section)
    {
        if (string.IsNullOrWhiteSpace(section))
        {
            return (null, null);
        }

        // Slug.From names text without letters or digits by its hash; a section picked at the desk should read as itself.
        var folder = Text.Slug.From(section);
        return section.Any(char.IsLetterOrDigit) && folder.Length is > 0 and <= 63
            ? (folder, null)
            : (null, $"the section '{section.Trim()}' needs letters or digits (at most 63)");
    }

    public async Task<IReadOnlyList<UploadGrantItem>> GrantAsync(string? folder, IReadOnlyList<UploadGrantFile?> files, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var items = new List<UploadGrantItem>(files.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < files.Count; index++)
        {
            var file = files[index];
            var name = NameOf(folder, file?.Name);
            var (code, error) = Refusal(name, file?.Size);
            if (code is null && !seen.Add(name!))
            {
                (code, error) = (InvalidName, $"'{name}' is in this upload twice");
            }

            items.Add(code is null
                ? new UploadGrantItem(index, name, await signer.SignAsync(name!, expiresAt, cancellationToken), null, null)
                : new UploadGrantItem(index, name, null, code, error));
        }

        return items;
    }

    private static string? NameOf(string? folder, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // Browsers give a dropped folder's files as "folder/file"; Windows paths pasted by hand use backslashes.
        var relative = name.Trim().Replace('\\', '/');
        return folder is null ? relative : $"{folder}/{relative}";
    }

    private (string? Code, string? Error) Refusal(string? name, long? size)
    {
        if (name is null)
        {
            return (InvalidName, "the file has no name");
        }

        if (UploadNames.Check(name) is { } unsafeName)
        {
            return (InvalidName, unsafeName);
        }

        if (name.Split('/').Any(part => part.StartsWith('.')))
        {
            return (InvalidName, $"'{name}' is a hidden file or in a hidden folder; the pipeline does not publish those");
        }

        var picture = PictureFiles.IsPicture(name);
        if (!picture && !PictureFiles.IsArticle(name))
        {
            return (UnsupportedKind, $"'{Path.GetFileName(name)}' is not a kind the pipeline reads: articles are " +
                string.Join(", ", PictureFiles.ArticleExtensions) + "; pictures " + string.Join(", ", PictureFiles.PictureExtensions));
        }

        var limit = picture ? PictureRenderer.MaxBytes : options.Value.MaxUploadBytes;
        if (size < 0 || size > limit)
        {
            return (TooLarge, size < 0
                ? "the file's size is not a size"
                : $"'{Path.GetFileName(name)}' is {Parsing.ArticleFileParser.Megabytes(size.Value)}; the limit for {(picture ? "a picture" : "an article file")} is {Parsing.ArticleFileParser.Megabytes(limit)}");
        }

        return (null, null);
    }
}
