namespace Pipeline.Core.Publishing;

/// <summary>Hands render work to the render function.</summary>
public interface IRenderQueue
{
    Task EnqueueAsync(RenderRequest request, CancellationToken cancellationToken);
}
