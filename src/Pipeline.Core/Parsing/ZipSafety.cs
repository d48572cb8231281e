using System.IO.Compression;
using System.Xml;

namespace Pipeline.Core.Parsing;

/// <summary>
/// Checks a zip container (a .docx) before any library reads it: entry count, declared sizes and compression
/// ratios first, then the XML parts are inflated with a counter, since a zip's declared sizes can lie.
/// </summary>
internal static class ZipSafety
{
    private const int MaxEntries = 2000;
    private const long MaxTotalBytes = 200L * 1024 * 1024;
    private const long MaxXmlBytes = 64L * 1024 * 1024;
    private const int MaxRatio = 100;

    // Word nests tables and content controls a few dozen levels at most; far deeper XML would only exhaust the stack
    // of the library that builds a tree from it, which no catch block can recover from.
    private const int MaxXmlDepth = 256;

    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    /// <summary>Null when the archive is safe to open, else the reason in an editor's words.</summary>
    public static string? Check(ReadOnlyMemory<byte> content)
    {
        if (!IsZip(content.Span))
        {
            return "not a Word file: a .docx is a zip archive and this file is not one (was it saved as .doc or renamed?)";
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                return $"the Word file has {archive.Entries.Count} parts; a document has at most {MaxEntries}";
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                total += entry.Length;
                if (total > MaxTotalBytes || (entry.Length > 1024 * 1024 && entry.Length > entry.CompressedLength * MaxRatio))
                {
                    return "the Word file unpacks to far more than its size (a zip bomb?); it was not opened";
                }
            }

            long xml = 0;
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    var inflated = Inflate(entry, entry.Length);
                    xml += inflated;
                    if (inflated < 0 || xml > MaxXmlBytes)
                    {
                        return "the Word file's text parts unpack to more than they declare (a damaged file or a zip bomb); it was not opened";
                    }
                }
            }

            return DeepestXml(archive) > MaxXmlDepth
                ? "the Word file's text is nested too deeply to be a document; it was not opened"
                : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any failure to walk the archive means the same to an editor: the file is damaged.
            return "the Word file is damaged: its zip archive cannot be read";
        }
    }

    private static int DeepestXml(ZipArchive archive)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        var deepest = 0;
        foreach (var entry in archive.Entries)
        {
            if (!entry.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase) || !entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            using var reader = XmlReader.Create(entry.Open(), settings);
            while (reader.Read())
            {
                if (reader.Depth > deepest && (deepest = reader.Depth) > MaxXmlDepth)
                {
                    return deepest;
                }
            }
        }

        return deepest;
    }

    /// <summary>Bytes the entry really inflates to, or -1 once it passes what it declared.</summary>
    private static long Inflate(ZipArchiveEntry entry, long declared)
    {
        var buffer = new byte[81920];
        long total = 0;
        using var stream = entry.Open();
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
            if (total > declared || total > MaxXmlBytes)
            {
                return -1;
            }
        }

        return total;
    }
}
