using Cchc.Testing;

namespace Cchc.Messaging.Tests.Support;

/// <summary>One PostgreSQL server and one RabbitMQ node shared by every integration test (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<RabbitMqNode>
{
    public const string Name = "servers";
}
