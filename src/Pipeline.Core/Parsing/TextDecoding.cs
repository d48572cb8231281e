using System.Text;

namespace Pipeline.Core.Parsing;

/// <summary>Turns upload bytes into text, refusing what is not UTF-8 instead of guessing.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (BOM optional) and normalises line ends to <c>\n</c>; null with a reason when the bytes are not UTF-8 text.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out string? reason)
    {
        reason = null;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            reason = "not UTF-8 text: the file is UTF-16; save it as UTF-8 and upload it again";
            return null;
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            reason = "not UTF-8 text: the file has bytes that are not valid UTF-8 (is it Latin-1, or a binary file?); save it as UTF-8 and upload it again";
            return null;
        }

        if (LooksBinary(text))
        {
            reason = "not a text file: it contains control characters that text never has";
            return null;
        }

        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    private static bool LooksBinary(string text)
    {
        // A NUL or a run of C0 controls never occurs in copied page text; a stray one (e.g. a form feed) may.
        var controls = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 64 * 1024)))
        {
            if (c == '\0')
            {
                return true;
            }

            if (c < ' ' && c != '\n' && c != '\r' && c != '\t' && ++controls > 8)
            {
                return true;
            }
        }

        return false;
    }
}
