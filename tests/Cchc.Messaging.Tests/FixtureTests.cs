using Cchc.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace Cchc.Messaging.Tests;

public sealed class FixtureTests
{
    [Fact]
    public async Task PostgresServer_CreateDatabase_ReturnsAConnectableEmptyDatabase()
    {
        await using var server = new PostgresServer();
        await server.InitializeAsync();

        var first = await server.CreateDatabaseAsync("fixture");
        var second = await server.CreateDatabaseAsync("fixture");

        Assert.NotEqual(first, second);
        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database(), current_setting('max_connections')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(new NpgsqlConnectionStringBuilder(first).Database, reader.GetString(0));
        Assert.Equal("300", reader.GetString(1));
    }

    [Fact]
    public async Task RabbitMqNode_StopThenStart_RefusesThenAcceptsConnectionsOnTheSamePort()
    {
        await using var node = new RabbitMqNode();
        await node.InitializeAsync();
        var factory = new ConnectionFactory { Uri = node.AmqpUri };

        await using (var connection = await factory.CreateConnectionAsync())
        {
            Assert.True(connection.IsOpen);
        }

        await node.StopAsync();
        await Assert.ThrowsAnyAsync<Exception>(async () => await factory.CreateConnectionAsync());

        await node.StartAsync();
        await using var again = await factory.CreateConnectionAsync();
        Assert.True(again.IsOpen);
        Assert.Equal(node.Port, again.Endpoint.Port);
    }
}
