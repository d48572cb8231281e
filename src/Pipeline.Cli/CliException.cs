namespace Pipeline.Cli;

/// <summary>A failure explained for the person at the terminal, with the exit code and a machine-readable code for scripts.</summary>
public sealed class CliException(int exitCode, string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public string Code { get; } = code;
}
