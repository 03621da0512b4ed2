namespace Cchc.Testing;

/// <summary>Polls a condition until it holds or a deadline passes: the way tests wait for asynchronous effects.</summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="condition"/> (every 25 ms at first, backing off to 250 ms) until it returns true;
    /// throws <see cref="EventuallyException"/> naming <paramref name="because"/> if it is still false after <paramref name="timeout"/>.
    /// </summary>
    public static async Task AssertAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = DateTime.UtcNow;
        var deadline = started + timeout;
        var delay = TimeSpan.FromMilliseconds(25);
        Exception? lastError = null;
        while (true)
        {
            try
            {
                if (await condition().ConfigureAwait(false))
                {
                    return;
                }
                lastError = null;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A condition that throws (e.g. a server still starting) counts as "not yet"; reported if it never recovers.
                lastError = ex;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new EventuallyException(
                    $"Condition not met within {timeout.TotalSeconds:0.###} s: {because}" +
                    (lastError is null ? string.Empty : $" (last attempt threw {lastError.GetType().Name}: {lastError.Message})"),
                    lastError);
            }

            await Task.Delay(delay).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 250));
        }
    }

    /// <summary>Synchronous-condition overload of <see cref="AssertAsync(Func{Task{bool}}, TimeSpan, string)"/>.</summary>
    public static Task AssertAsync(Func<bool> condition, TimeSpan timeout, string because)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return AssertAsync(() => Task.FromResult(condition()), timeout, because);
    }
}

/// <summary>A polled condition did not become true before its deadline.</summary>
public sealed class EventuallyException(string message, Exception? innerException)
    : Exception(message, innerException);
