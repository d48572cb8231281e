using System.ComponentModel;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary>Options of the commands that act on one article.</summary>
public sealed class ArticleIdSettings : PipelineSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The article's id (see: pipeline articles list).")]
    public string Id { get; set; } = string.Empty;
}
