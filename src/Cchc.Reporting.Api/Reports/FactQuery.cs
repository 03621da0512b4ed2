using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cchc.Reporting.Api.Reports;

/// <summary>Runs an indicator query on the read model's connection, with the periods bound as arrays, row by row.</summary>
internal static class FactQuery
{
    public static async Task ReadAsync(ReportingDbContext db, string sql, IReadOnlyList<ReportPeriod> periods,
        Action<NpgsqlDataReader> onRow, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            PeriodParameters.AddTo(command, periods);
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
