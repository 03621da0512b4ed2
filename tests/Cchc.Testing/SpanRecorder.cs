using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Cchc.Testing;

/// <summary>
/// The spans a process would send to the Aspire dashboard, as the service defaults set tracing up: an OpenTelemetry
/// tracer provider listening to Npgsql, MassTransit and Cchc.* with the default sampler (parent-based, always on).
/// Also counts the spans Npgsql asks for, recorded or not, so a test can tell "no SQL ran" from "SQL ran untraced".
/// The listeners are process-wide: use it in tests that do not run in parallel with other SQL of the same process, or
/// filter <see cref="Recorded"/> by database.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _recorded = new();
    private readonly TracerProvider _provider;
    private readonly ActivityListener _asked;
    private int _npgsqlAsked;

    public SpanRecorder()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource("Npgsql", "MassTransit", "Cchc.*")
            .AddProcessor(new Collector(_recorded))
            .Build()!;
        // Counts every span the Npgsql instrumentation asks for and says no itself: the provider above decides.
        _asked = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
            {
                Interlocked.Increment(ref _npgsqlAsked);
                return ActivitySamplingResult.None;
            },
        };
        ActivitySource.AddActivityListener(_asked);
    }

    /// <summary>Npgsql commands that asked for a span since the recorder started.</summary>
    public int NpgsqlSpansAsked => Volatile.Read(ref _npgsqlAsked);

    /// <summary>The spans recorded (ended and sampled) so far.</summary>
    public IReadOnlyList<Activity> Recorded => [.. _recorded];

    public void Dispose()
    {
        _asked.Dispose();
        _provider.Dispose();
    }

    private sealed class Collector(ConcurrentQueue<Activity> into) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Recorded)
            {
                into.Enqueue(data);
            }
        }
    }
}
