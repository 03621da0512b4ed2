using Cchc.Contracts.Events.Reporting;
using Cchc.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cchc.ServiceKit.Hosting.PeriodLocks;

/// <summary>
/// Keeps the reporting service's approvals in the service's period_locks, in the inbox's transaction: the highest version
/// of a period wins, so redelivery and reordering are harmless (a withdrawal applies only to the version it names).
/// Generic over the service's DbContext so each service has its own queue ("egov-period-locks").
/// </summary>
public sealed class PeriodApprovalConsumer<TDbContext>(TDbContext db) : IConsumer<PeriodApproved>, IConsumer<PeriodApprovalWithdrawn>
    where TDbContext : DbContext
{
    public const string InboxName = "period-locks";

    private const string ApproveSql = """
        INSERT INTO period_locks (from_day, to_day, period, version, approved_at, approved_by, withdrawn_at)
        VALUES (@from, @to, @period, @version, @at, @by, NULL)
        ON CONFLICT (from_day, to_day) DO UPDATE SET period = excluded.period, version = excluded.version,
            approved_at = excluded.approved_at, approved_by = excluded.approved_by, withdrawn_at = NULL
        WHERE period_locks.version < excluded.version
        """;

    private const string WithdrawSql = """
        INSERT INTO period_locks (from_day, to_day, period, version, approved_at, approved_by, withdrawn_at)
        VALUES (@from, @to, @period, @version, @at, @by, @at)
        ON CONFLICT (from_day, to_day) DO UPDATE SET withdrawn_at = excluded.withdrawn_at, version = excluded.version
        WHERE period_locks.version <= excluded.version
        """;

    public Task Consume(ConsumeContext<PeriodApproved> context)
    {
        var m = context.Message;
        return ApplyAsync(context, ApproveSql, m.From, m.To, m.Period, m.Version, m.ApprovedAt, m.ApprovedBy);
    }

    public Task Consume(ConsumeContext<PeriodApprovalWithdrawn> context)
    {
        var m = context.Message;
        return ApplyAsync(context, WithdrawSql, m.From, m.To, m.Period, m.Version, m.WithdrawnAt, m.WithdrawnBy);
    }

    private async Task ApplyAsync(ConsumeContext context, string sql, DateOnly from, DateOnly to, string period, int version, DateTimeOffset at, string by) =>
        await db.HandleOnceAsync(context, InboxName, async ct =>
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            command.Parameters.AddWithValue("period", period);
            command.Parameters.AddWithValue("version", version);
            command.Parameters.AddWithValue("at", at);
            command.Parameters.AddWithValue("by", by);
            await command.ExecuteNonQueryAsync(ct);
        });
}

public sealed class PeriodApprovalConsumerDefinition<TDbContext> : ConsumerDefinition<PeriodApprovalConsumer<TDbContext>> where TDbContext : DbContext
{
    public PeriodApprovalConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 1; // rare messages; one at a time keeps a period's versions in order within the service
    }

    /// <summary>The service's own queue: its short name ("egov" for EgovDbContext), then "-period-locks".</summary>
    public static string QueueName { get; } = DomainService<TDbContext>.ServiceName + "-period-locks";
}
