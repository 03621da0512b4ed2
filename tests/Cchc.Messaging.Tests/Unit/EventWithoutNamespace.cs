// Deliberately outside any namespace: MassTransit cannot publish such a type, so the outbox refuses it.
#pragma warning disable CA1050
public sealed record EventWithoutNamespace(string Id);
#pragma warning restore CA1050
