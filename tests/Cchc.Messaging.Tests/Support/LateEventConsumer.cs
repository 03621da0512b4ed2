using Cchc.Messaging.Tests.Events;
using MassTransit;

namespace Cchc.Messaging.Tests.Support;

public sealed class LateEventConsumer : IConsumer<LateEvent>
{
    public static TaskCompletionSource<string>? Received { get; set; }

    public Task Consume(ConsumeContext<LateEvent> context)
    {
        Received?.TrySetResult(context.Message.Id);
        return Task.CompletedTask;
    }
}
