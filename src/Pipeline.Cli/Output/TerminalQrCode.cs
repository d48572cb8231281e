using System.Text;
using QRCoder;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipeline.Cli.Output;

/// <summary>
/// A QR code drawn with half-block characters, two module rows per text line, dark on light whatever the terminal's
/// colours (scanners expect dark modules on a light ground, with the quiet zone around them).
/// </summary>
public static class TerminalQrCode
{
    public static IRenderable Draw(string text) => new Text(Lines(text), new Style(Color.Black, Color.White));

    /// <summary>The code as text lines: <c>█</c> both modules dark, <c>▀</c> upper, <c>▄</c> lower, space neither.</summary>
    public static string Lines(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var lines = new StringBuilder();
        for (var y = 0; y < modules.Count; y += 2)
        {
            for (var x = 0; x < modules[y].Length; x++)
            {
                var upper = modules[y][x];
                var lower = y + 1 < modules.Count && modules[y + 1][x];
                lines.Append((upper, lower) switch
                {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    _ => ' ',
                });
            }

            lines.Append('\n');
        }

        return lines.ToString();
    }
}
