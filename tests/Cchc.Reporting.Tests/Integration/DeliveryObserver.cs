using System.Collections.Concurrent;
using MassTransit;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// Counts finished deliveries per message id (the harness's consumed list keeps one entry per id, so it cannot
/// show a redelivery of the same message) and keeps the fault of a failed one.
/// </summary>
internal sealed class DeliveryObserver : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _finished = new();
    private readonly ConcurrentDictionary<Guid, Exception> _faults = new();

    public int Finished(Guid messageId) => _finished.GetValueOrDefault(messageId);

    public Exception? Fault(Guid messageId) => _faults.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _finished.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _faults[context.MessageId!.Value] = exception;
        _finished.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
