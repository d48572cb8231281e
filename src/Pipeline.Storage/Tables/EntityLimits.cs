using System.Text;

namespace Pipeline.Storage.Tables;

/// <summary>Azure's per-property limit (64 KiB per string), which Azurite does not enforce.</summary>
internal static class EntityLimits
{
    public const int MaxStringBytes = 64 * 1024;

    public static void Check(params string?[] values)
    {
        foreach (var value in values)
        {
            if (value is not null && Encoding.Unicode.GetByteCount(value) > MaxStringBytes)
            {
                throw new ArgumentException($"a table property is longer than {MaxStringBytes / 1024} KiB; large fields belong in a blob");
            }
        }
    }
}
