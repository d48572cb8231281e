using System.Net.Sockets;

namespace Pipeline.DevHost.Azurite;

/// <summary>The three Azurite ports on 127.0.0.1 and the connection string that reaches them.</summary>
public sealed record AzuriteEndpoints(int BlobPort, int QueuePort, int TablePort)
{
    /// <summary>Azurite's published development account (the same for every installation; not a secret).</summary>
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static AzuriteEndpoints Default { get; } = new(10000, 10001, 10002);

    public bool IsDefault => this == Default;

    public string ConnectionString => IsDefault
        ? "UseDevelopmentStorage=true"
        : $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
          $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
          $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>True when something accepts connections on all three ports.</summary>
    public async Task<bool> AreListeningAsync(CancellationToken cancellationToken)
    {
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            if (!await IsListeningAsync(port, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Three ports nobody listens on, for a private Azurite.</summary>
    public static AzuriteEndpoints FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(System.Net.IPAddress.Loopback, 0)).ToArray();
        foreach (var l in listeners)
        {
            l.Start();
        }

        var ports = listeners.Select(l => ((System.Net.IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners)
        {
            l.Stop();
        }

        return new AzuriteEndpoints(ports[0], ports[1], ports[2]);
    }
}
