using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests;

/// <summary>The fixture files written for these tests, and the upload context they are parsed with.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset UploadedAt = new(2026, 2, 14, 12, 0, 0, TimeSpan.Zero);

    public static byte[] Read(string relativePath) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static ParseContext Context(string fileName) => new(fileName, UploadedAt);
}
