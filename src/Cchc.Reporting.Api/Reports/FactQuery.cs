using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cchc.Reporting.Api.Reports;

/// <summary>Runs an indicator query on the read model's connection, with the periods bound as arrays, row by row.</summary>
internal static class FactQuery
{
    public static Task ReadAsync(ReportingDbContext db, string sql, IReadOnlyList<ReportPeriod> periods,
        Action<NpgsqlDataReader> onRow, CancellationToken cancellationToken) =>
        ReadAsync(db, sql, command => PeriodParameters.AddTo(command, periods), onRow, cancellationToken);

    /// <summary>Runs a query with the parameters <paramref name="bind"/> adds (the facts behind a cell: one period, units, a page).</summary>
    public static async Task ReadAsync(ReportingDbContext db, string sql, Action<NpgsqlCommand> bind,
        Action<NpgsqlDataReader> onRow, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                onRow(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The parameters of a drill-down's facts query: @from, @to, @units, @after (the last id of the previous page), @limit.</summary>
internal static class FactPageParameters
{
    public static void AddTo(NpgsqlCommand command, ReportPeriod period, IReadOnlyCollection<string> units, string? after, int limit)
    {
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlTypes.NpgsqlDbType.Date) { Value = period.From });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlTypes.NpgsqlDbType.Date) { Value = period.To });
        command.Parameters.Add(new NpgsqlParameter("units", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = units.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)after ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlTypes.NpgsqlDbType.Integer) { Value = limit });
    }
}
