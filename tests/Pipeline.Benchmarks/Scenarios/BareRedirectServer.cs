using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// The anchor of the redirect figure: Kestrel with one <c>/{code}</c> route answering a fixed 302, in a process of its
/// own (as the local host is), so both servers are measured the same way by the same load generator.
/// </summary>
public static class BareRedirectServer
{
    public const string Argument = "--bare-server";
    public const string Location = "https://example.com/bare-target";

    /// <summary>Serves until the process is killed.</summary>
    public static async Task ServeAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/{code}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = Location;
            context.Response.Headers.CacheControl = "private, max-age=60";
            return Task.CompletedTask;
        });
        await app.StartAsync(cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>Starts this benchmark program again in bare-server mode on <paramref name="port"/>.</summary>
    public static Process Start(int port)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(BareRedirectServer).Assembly.Location);
        start.ArgumentList.Add("redirect");
        start.ArgumentList.Add(Argument);
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bare server");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
