using Cchc.Messaging.Tests.Events;
using Cchc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cchc.Messaging.Tests.Support;

/// <summary>A fresh database with the test schema, and the queries the tests assert with.</summary>
public sealed class TestDatabase
{
    private TestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(PostgresServer server, string name)
    {
        var database = new TestDatabase(await server.CreateDatabaseAsync(name));
        await using var db = database.NewContext();
        await db.Database.EnsureCreatedAsync();
        return database;
    }

    /// <summary>A context built by hand (no DI, so no notification interceptor unless asked).</summary>
    public TestDbContext NewContext(bool notify = false)
    {
        var options = new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(ConnectionString);
        if (notify)
        {
            options.UseOutboxNotifications();
        }
        return new TestDbContext(options.Options);
    }

    public static FactRecorded NewEvent(string prefix = "fact-") => new()
    {
        FactId = prefix + Guid.NewGuid().ToString("N"),
        Day = new DateOnly(2020, 12, 31),
        Version = 1,
    };

    /// <summary>Records facts and their events through EF, <paramref name="perSave"/> facts per SaveChanges (one transaction each).</summary>
    public async Task<List<string>> RecordFactsAsync(int count, int perSave = 10, bool notify = false, string prefix = "fact-")
    {
        var ids = new List<string>(count);
        await using var db = NewContext(notify);
        for (var i = 0; i < count; i++)
        {
            var evt = NewEvent(prefix);
            db.Facts.Add(new Fact { Id = evt.FactId, Day = evt.Day });
            db.AddIntegrationEvent(evt);
            ids.Add(evt.FactId);
            if ((i + 1) % perSave == 0 || i == count - 1)
            {
                await db.SaveChangesAsync();
            }
        }
        return ids;
    }

    /// <summary>Records facts with COPY and their events with <see cref="Outbox.WriteAsync"/>, in one raw transaction.</summary>
    public async Task<List<string>> RecordFactsRawAsync(int count, bool commit = true)
    {
        var events = Enumerable.Range(0, count).Select(_ => NewEvent("raw-")).ToList();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync("COPY facts (id, day) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var evt in events)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(evt.FactId, NpgsqlDbType.Text);
                await importer.WriteAsync(evt.Day, NpgsqlDbType.Date);
            }
            await importer.CompleteAsync();
        }
        var written = await Outbox.WriteAsync(connection, transaction, events, CancellationToken.None);
        Assert.Equal(count, written);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
        return events.Select(e => e.FactId).ToList();
    }

    /// <summary>fact id → how many times the consumer applied its event.</summary>
    public async Task<Dictionary<string, int>> EffectsAsync()
    {
        await using var db = NewContext();
        return await db.Effects.AsNoTracking().ToDictionaryAsync(e => e.FactId, e => e.Times);
    }

    /// <summary>True once every listed fact has an effect (whatever its count).</summary>
    public async Task<bool> AllAppliedAsync(IEnumerable<string> factIds)
    {
        var effects = await EffectsAsync();
        return factIds.All(effects.ContainsKey);
    }

    public Task<long> CountAsync(string whereClause = "true") => ScalarAsync($"SELECT count(*) FROM outbox_messages WHERE {whereClause}");

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<long> CountUnsentAsync() => CountAsync("sent_at IS NULL");

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = NewContext();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Sequence).ToListAsync();
    }
}
