using Cchc.Testing;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>One throwaway PostgreSQL server for all integration tests; every test gets its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
