using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Storage;

/// <summary>
/// Table Storage's key rules, checked here because Azurite accepts keys Azure rejects:
/// no <c>/ \ # ?</c>, no control characters, at most 1 KiB.
/// </summary>
public static class TableKeys
{
    public const int MaxKeyBytes = 1024;

    /// <summary>Throws when <paramref name="key"/> would be refused by Azure Table Storage.</summary>
    public static string Check(string key)
    {
        if (Encoding.Unicode.GetByteCount(key) > MaxKeyBytes)
        {
            throw new ArgumentException($"table key is longer than {MaxKeyBytes} bytes", nameof(key));
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"table key contains a forbidden character (U+{(int)c:X4})", nameof(key));
            }
        }

        return key;
    }

    /// <summary>Makes any text (e.g. a blob name) a valid key: forbidden characters escaped, long text shortened with a hash.</summary>
    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2"));
            }
            else
            {
                builder.Append(c);
            }
        }

        var encoded = builder.ToString();
        if (Encoding.Unicode.GetByteCount(encoded) <= MaxKeyBytes)
        {
            return encoded;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return encoded[..(MaxKeyBytes / 2 - 80)] + "~" + hash;
    }
}
