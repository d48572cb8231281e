using System.Text;
using System.Text.Unicode;

namespace Pipeline.Core.Parsing;

/// <summary>Turns upload bytes into text, refusing what is not UTF-8 instead of guessing.</summary>
public static class TextDecoding
{
    /// <summary>Decodes UTF-8 (BOM optional); null with a reason when the bytes are not UTF-8 text. Line ends are left as they are.</summary>
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

        // Validate first: decoding with a throwing decoder would make every bad upload pay for an exception.
        if (!Utf8.IsValid(bytes))
        {
            reason = "not UTF-8 text: the file has bytes that are not valid UTF-8 (is it Latin-1, or a binary file?); save it as UTF-8 and upload it again";
            return null;
        }

        if (LooksBinary(bytes))
        {
            reason = "not a text file: it contains control characters that text never has";
            return null;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>True when the first bytes could start UTF-8 text (a cut-off character at the end is allowed).</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        // The head may end in the middle of a character; up to three trailing bytes may be an incomplete sequence.
        for (var cut = 0; cut <= Math.Min(3, head.Length); cut++)
        {
            if (Utf8.IsValid(head[..^cut]))
            {
                return !LooksBinary(head);
            }
        }

        return false;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        // A NUL or a run of C0 controls never occurs in copied page text; a stray one (e.g. a form feed) may.
        var window = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        if (window.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        var controls = 0;
        var position = 0;
        while (position < window.Length)
        {
            var next = window[position..].IndexOfAnyInRange((byte)1, (byte)31);
            if (next < 0)
            {
                break;
            }

            position += next + 1;
            if (window[position - 1] is not ((byte)'\n' or (byte)'\r' or (byte)'\t') && ++controls > 8)
            {
                return true;
            }
        }

        return false;
    }
}
