using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli;

/// <summary>Options of the commands that hand work to the pipeline and then follow it until it is done.</summary>
public class WaitSettings : PipelineSettings
{
    public const int DefaultTimeoutSeconds = 300;

    [CommandOption("--no-wait")]
    [Description("Hand the work over and return without following it.")]
    public bool NoWait { get; set; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to follow the work before giving up waiting (the work itself goes on).")]
    [DefaultValue(DefaultTimeoutSeconds)]
    public int Timeout { get; set; } = DefaultTimeoutSeconds;

    public override ValidationResult Validate() =>
        Timeout is < 1 or > 86_400 ? ValidationResult.Error("--timeout must be from 1 to 86400 seconds") : base.Validate();
}
