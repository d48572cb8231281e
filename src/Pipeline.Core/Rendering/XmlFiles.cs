using System.Text;
using System.Xml;

namespace Pipeline.Core.Rendering;

/// <summary>Writes the site's XML files (feeds, sitemaps) with one set of settings, and keeps text valid XML.</summary>
internal static class XmlFiles
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = " ",
        NewLineChars = "\n",
    };

    public static byte[] Write(Action<XmlWriter> write)
    {
        using var memory = new MemoryStream();
        using (var xml = XmlWriter.Create(memory, Settings))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        return memory.ToArray();
    }

    /// <summary>The text without characters XML 1.0 cannot carry (control characters, lone surrogates), which would make the writer throw.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            if (!pair && !XmlConvert.IsXmlChar(text[i]))
            {
                builder ??= new StringBuilder(text.Length).Append(text, 0, i);
                continue;
            }

            builder?.Append(text, i, pair ? 2 : 1);
            i += pair ? 1 : 0;
        }

        return builder?.ToString() ?? text;
    }

    public static void Element(XmlWriter xml, string name, string? text) => xml.WriteElementString(name, Clean(text));
}
