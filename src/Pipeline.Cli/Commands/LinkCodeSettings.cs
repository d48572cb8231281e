using System.ComponentModel;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary>Options of the commands that act on one short link.</summary>
public sealed class LinkCodeSettings : PipelineSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("The link's code (the part after the short-link host).")]
    public string Code { get; set; } = string.Empty;
}
