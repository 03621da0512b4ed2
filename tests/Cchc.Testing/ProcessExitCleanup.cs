using System.Collections.Concurrent;

namespace Cchc.Testing;

/// <summary>
/// Stops servers still running when the test host exits without disposing its fixtures (e.g. an aborted run),
/// so no PostgreSQL or RabbitMQ process outlives it. A killed host (SIGKILL) cannot be helped.
/// </summary>
internal static class ProcessExitCleanup
{
    private static readonly ConcurrentDictionary<object, Action> Actions = new();

    static ProcessExitCleanup()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var action in Actions.Values)
            {
                try { action(); } catch (Exception) { /* best effort at exit */ }
            }
        };
    }

    public static void Register(object owner, Action cleanup) => Actions[owner] = cleanup;

    public static void Unregister(object owner) => Actions.TryRemove(owner, out _);
}
