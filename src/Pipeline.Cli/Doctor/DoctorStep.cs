namespace Pipeline.Cli.Doctor;

public enum StepOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>
/// One checked step of <c>pipeline doctor</c>: what was found, and for a failure what to do about it and the exit code
/// the command ends with (<see cref="ExitCodes"/>, as the other commands use them).
/// </summary>
public sealed record DoctorStep(string Name, StepOutcome Outcome, string Detail, string? Fix = null, int ExitCode = ExitCodes.Ok)
{
    public double Seconds { get; init; }

    public static DoctorStep Pass(string name, string detail) => new(name, StepOutcome.Passed, detail);

    public static DoctorStep Skip(string name, string detail, string? fix = null) => new(name, StepOutcome.Skipped, detail, fix);

    public static DoctorStep Fail(string name, string detail, string fix, int exitCode = ExitCodes.Failed) =>
        new(name, StepOutcome.Failed, detail, fix, exitCode);
}
