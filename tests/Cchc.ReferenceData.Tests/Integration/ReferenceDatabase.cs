using Cchc.Messaging;
using Cchc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cchc.ReferenceData.Tests.Integration;

/// <summary>A service's database in miniature: the inbox and the local copy, as a service's model maps them.</summary>
public sealed class ReferenceDbContext(DbContextOptions<ReferenceDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddInbox();
        modelBuilder.AddUnitReference();
    }
}

/// <summary>Another service's database, to show that each service gets its own queue.</summary>
public sealed class OtherDbContext(DbContextOptions<OtherDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddInbox();
        modelBuilder.AddUnitReference();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

public static class ReferenceDatabase
{
    /// <summary>A new database with the tables created from the model.</summary>
    public static async Task<string> CreateAsync(PostgresServer postgres, string name)
    {
        var connectionString = await postgres.CreateDatabaseAsync(name);
        await using var db = Open(connectionString);
        await db.Database.EnsureCreatedAsync();
        return connectionString;
    }

    public static ReferenceDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<ReferenceDbContext>().UseNpgsql(connectionString).Options);
}
