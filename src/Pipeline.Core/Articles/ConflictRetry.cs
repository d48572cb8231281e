namespace Pipeline.Core.Articles;

/// <summary>
/// The one way the pipeline retries a conditional write that lost to a concurrent writer (<see cref="ConcurrencyException"/>):
/// the attempt reads what is stored again and decides again, after a short pause that grows with each attempt and is
/// jittered, so writers racing for one row spread out instead of colliding again in step.
/// </summary>
public static class ConflictRetry
{
    /// <param name="attempt">Called with the attempt's number from 1; reads, decides and writes.</param>
    public static async Task<T> RunAsync<T>(Func<int, Task<T>> attempt, int maxAttempts, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number);
            }
            catch (ConcurrencyException) when (number < maxAttempts)
            {
                await Task.Delay(Pause(number), cancellationToken);
            }
        }
    }

    /// <summary>5-25 ms times the attempt's number.</summary>
    public static TimeSpan Pause(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt);
}
