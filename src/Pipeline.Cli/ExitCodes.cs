namespace Pipeline.Cli;

/// <summary>Exit codes scripts can branch on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something the pipeline was asked to do failed: an upload was refused, a link or article does not exist.</summary>
    public const int Failed = 1;

    /// <summary>The command or what it sent was not valid.</summary>
    public const int Invalid = 2;

    /// <summary>The API or storage did not answer, or the connection settings are wrong.</summary>
    public const int Unreachable = 3;

    /// <summary>The API key or the Azure identity was refused.</summary>
    public const int Unauthorized = 4;

    /// <summary>The wait ran out before the pipeline finished (the work may still complete).</summary>
    public const int TimedOut = 5;
}
