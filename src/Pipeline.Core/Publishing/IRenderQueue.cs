namespace Pipeline.Core.Publishing;

/// <summary>Hands render work to the render function.</summary>
public interface IRenderQueue
{
    Task EnqueueAsync(RenderRequest request, CancellationToken cancellationToken);

    /// <summary>Queues the request to become visible after <paramref name="delay"/>.</summary>
    Task EnqueueAsync(RenderRequest request, TimeSpan delay, CancellationToken cancellationToken);
}
