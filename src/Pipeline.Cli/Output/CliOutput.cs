using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipeline.Cli.Output;

/// <summary>Writes a command's result: tables and colours for people, or JSON for scripts (<c>--json</c>).</summary>
public sealed class CliOutput(IAnsiConsole console, bool json)
{
    // Relaxed escaping keeps apostrophes and non-ASCII headlines readable; the output is never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IAnsiConsole Console => console;

    /// <summary>True when the output is JSON, so nothing else (spinners, progress bars, hints) may be written.</summary>
    public bool IsJson => json;

    /// <summary>Shows live progress only to a person watching a terminal.</summary>
    public bool IsLive => !json && console.Profile.Capabilities.Interactive;

    /// <summary>Writes a value as indented JSON on its own, bypassing Spectre's line wrapping so it stays parseable.</summary>
    public void WriteJson<T>(T value)
    {
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Indented));
        console.Profile.Out.Writer.Flush();
    }

    public void Write(IRenderable renderable) => console.Write(renderable);

    public void Line(string markup) => console.MarkupLine(markup);

    /// <summary>A failure: <c>{"error": {code, message}}</c> for scripts, a red line for people.</summary>
    public void Error(CliException failure)
    {
        if (json)
        {
            WriteJson(new { error = new { code = failure.Code, message = failure.Message } });
        }
        else
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(failure.Message)}");
        }
    }
}
