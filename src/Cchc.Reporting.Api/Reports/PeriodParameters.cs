using Npgsql;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Reports;

/// <summary>The periods as array parameters (@keys, @froms, @tos) for SQL that unnests them into a period table.</summary>
internal static class PeriodParameters
{
    public static void AddTo(NpgsqlCommand command, IReadOnlyList<ReportPeriod> periods)
    {
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = periods.Select(p => p.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("froms", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = periods.Select(p => p.From).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("tos", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = periods.Select(p => p.To).ToArray() });
    }
}
