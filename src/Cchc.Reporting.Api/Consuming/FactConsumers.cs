using System.Reflection;
using MassTransit;

namespace Cchc.Reporting.Api.Consuming;

/// <summary>A fact consumer of this service: its type, the event it applies, its inbox name and its queue.</summary>
public sealed record FactConsumerInfo(Type ConsumerType, Type MessageType, string InboxName, Func<IEndpointNameFormatter, string> QueueName);

/// <summary>
/// Every <see cref="FactConsumer{TSelf,TMessage}"/> of this assembly, found by scan like the report catalogue: adding an
/// event is adding a consumer class to its area's folder; nothing here changes.
/// </summary>
public static class FactConsumers
{
    public static IReadOnlyList<FactConsumerInfo> All { get; } = Scan();

    /// <summary>The consumer of <paramref name="messageType"/>, if this service consumes it.</summary>
    public static FactConsumerInfo? ForMessage(Type messageType) => All.FirstOrDefault(c => c.MessageType == messageType);

    /// <summary>Registers every fact consumer with its <see cref="FactConsumerDefinition{TConsumer}"/>.</summary>
    public static IBusRegistrationConfigurator AddFactConsumers(this IBusRegistrationConfigurator bus)
    {
        foreach (var consumer in All)
        {
            bus.AddConsumer(consumer.ConsumerType, typeof(FactConsumerDefinition<>).MakeGenericType(consumer.ConsumerType));
        }
        return bus;
    }

    private static List<FactConsumerInfo> Scan()
    {
        var describe = typeof(FactConsumers).GetMethod(nameof(Describe), BindingFlags.NonPublic | BindingFlags.Static)!;
        return typeof(FactConsumers).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IFactConsumer).IsAssignableFrom(t))
            .Select(t => (FactConsumerInfo)describe.MakeGenericMethod(t, MessageTypeOf(t)).Invoke(null, null)!)
            .OrderBy(c => c.InboxName, StringComparer.Ordinal)
            .ToList();
    }

    private static Type MessageTypeOf(Type consumer)
    {
        for (var type = consumer.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(FactConsumer<,>))
            {
                return type.GetGenericArguments()[1];
            }
        }
        throw new InvalidOperationException($"{consumer.Name} implements {nameof(IFactConsumer)} but does not derive from FactConsumer<,>.");
    }

    private static FactConsumerInfo Describe<TConsumer, TMessage>()
        where TConsumer : FactConsumer<TConsumer, TMessage>, IFactConsumer
        where TMessage : class =>
        new(typeof(TConsumer), typeof(TMessage), TConsumer.InboxName, formatter => formatter.Consumer<TConsumer>());
}
