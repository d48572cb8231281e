using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipeline.Cli.Output;

/// <summary>Label/value rows for one thing's facts; empty values are left out.</summary>
public sealed class FactGrid
{
    private readonly Grid _grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();

    public FactGrid Add(string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _grid.AddRow(new Markup($"[grey]{Markup.Escape(label)}[/]"), new Text(value));
        }

        return this;
    }

    public IRenderable Build() => _grid;
}
