using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Pipeline.Core.Tests;

/// <summary>Builds small .docx files the way Word saves them (styles part, numbered list paragraphs), for the Word parser's tests.</summary>
internal static class WordDocuments
{
    /// <summary>One paragraph per (style, text); style "List" makes a numbered list paragraph, null a plain one.</summary>
    public static byte[] Create(params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "caption" }) { Type = StyleValues.Paragraph, StyleId = "Caption" });
            var body = new Body();
            foreach (var (style, text) in paragraphs)
            {
                var properties = new ParagraphProperties();
                if (style == "List")
                {
                    properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }));
                }
                else if (style is not null)
                {
                    properties.Append(new ParagraphStyleId { Val = style });
                }

                body.Append(new Paragraph(properties, new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve })));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A document whose paragraphs are (style, text), with a picture (as Word embeds one: an image part and an inline
    /// drawing pointing at it) before every paragraph whose text is <c>[picture]</c>, taking the next of <paramref name="pictures"/>.
    /// </summary>
    public static byte[] WithPictures(byte[][] pictures, params (string? Style, string Text)[] paragraphs)
    {
        var bytes = Create(paragraphs);
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var main = document.MainDocumentPart!;
            var next = 0;
            foreach (var paragraph in main.Document!.Body!.Elements<Paragraph>().Where(p => p.InnerText == "[picture]").ToList())
            {
                var part = main.AddImagePart(ImagePartType.Jpeg);
                using (var data = new MemoryStream(pictures[next++]))
                {
                    part.FeedData(data);
                }

                var id = main.GetIdOfPart(part);
                var picture = new DocumentFormat.OpenXml.Drawing.Pictures.Picture(
                    new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureProperties(
                        new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualDrawingProperties { Id = (uint)next, Name = $"photo{next}.jpg" },
                        new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureDrawingProperties()),
                    new DocumentFormat.OpenXml.Drawing.Pictures.BlipFill(new DocumentFormat.OpenXml.Drawing.Blip { Embed = id }, new DocumentFormat.OpenXml.Drawing.Stretch()));
                var drawing = new Drawing(new DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline(
                    new DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent { Cx = 5_486_400, Cy = 3_657_600 },
                    new DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties { Id = (uint)next, Name = $"Picture {next}" },
                    new DocumentFormat.OpenXml.Drawing.Graphic(new DocumentFormat.OpenXml.Drawing.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" })));
                paragraph.RemoveAllChildren<Run>();
                paragraph.Append(new Run(drawing));
            }
        }

        return stream.ToArray();
    }

    /// <summary>A package whose document part nests elements 30 000 deep: a stack exhaustion attempt.</summary>
    public static byte[] DeeplyNested()
    {
        var bytes = Create(("Title", "Headline"), (null, "Body."));
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            for (var i = 0; i < 30_000; i++)
            {
                writer.Write("<w:sdt>");
            }

            for (var i = 0; i < 30_000; i++)
            {
                writer.Write("</w:sdt>");
            }

            writer.Write("</w:body></w:document>");
        }

        return stream.ToArray();
    }

    /// <summary>A zip that declares a tiny document part but holds megabytes of zeros: the shape of a zip bomb.</summary>
    public static byte[] Bomb()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var writer = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 50; i++)
            {
                writer.Write(zeros);
            }
        }

        return stream.ToArray();
    }
}
