using DocumentFormat.OpenXml.Packaging;
using Blip = DocumentFormat.OpenXml.Drawing.Blip;

namespace Pipeline.Core.Parsing;

/// <summary>
/// The pictures embedded in a Word file, in the order they stand in the document (each once, however often it is
/// shown), read only from a file <see cref="ZipSafety.Check"/> passes, as the parser does; a picture over the size
/// limit, or past the count limit, is left out with its reason.
/// </summary>
public static class WordPictures
{
    public static (IReadOnlyList<byte[]> Pictures, IReadOnlyList<string> Problems) Extract(ReadOnlyMemory<byte> docx, long maxBytes, int maxCount)
    {
        var pictures = new List<byte[]>();
        var problems = new List<string>();
        if (ZipSafety.Check(docx) is not null)
        {
            return (pictures, problems);
        }

        try
        {
            using var stream = new MemoryStream(docx.ToArray(), writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            if (document.MainDocumentPart is not { Document.Body: { } body } main)
            {
                return (pictures, problems);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var blip in body.Descendants<Blip>())
            {
                if (blip.Embed?.Value is not { } id || !seen.Add(id) || main.GetPartById(id) is not ImagePart part)
                {
                    continue;
                }

                if (pictures.Count == maxCount)
                {
                    problems.Add($"the document holds more than {maxCount} pictures; the rest are left out");
                    break;
                }

                using var content = part.GetStream(FileMode.Open, FileAccess.Read);
                using var copy = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (copy.Length + read > maxBytes)
                    {
                        problems.Add($"picture {pictures.Count + problems.Count + 1} of the document is over {maxBytes / (1024 * 1024)} MB and is left out");
                        copy.SetLength(0);
                        break;
                    }

                    copy.Write(buffer, 0, read);
                }

                if (copy.Length > 0)
                {
                    pictures.Add(copy.ToArray());
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The text was read already; a package whose pictures cannot be read still publishes its words.
            problems.Add($"the document's pictures could not be read: {Uploads.FailureReason.Of(ex)}");
        }

        return (pictures, problems);
    }
}
