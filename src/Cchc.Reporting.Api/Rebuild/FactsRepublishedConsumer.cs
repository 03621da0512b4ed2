using Cchc.Contracts.Events.Reporting;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Rebuild;

/// <summary>
/// Stores a service's rebuild marker once (the first delivery wins; a redelivery changes nothing). Whether the rebuild is
/// complete is decided when its status is read (<see cref="Rebuilds"/>): the pages the marker lists may still be on their way.
/// </summary>
public sealed class FactsRepublishedConsumer(ReportingDbContext db, ILogger<FactsRepublishedConsumer> logger)
    : FactConsumer<FactsRepublishedConsumer, FactsRepublished>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-facts-republished";

    protected override int CountOf(FactsRepublished message) => message.MessageIds.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, FactsRepublished message, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rebuild_markers (rebuild_id, service, message_ids, records, republished_at, received_at)
            VALUES ({message.RebuildId}, {message.Service}, {message.MessageIds.ToArray()}, {message.Records}, {message.RepublishedAt}, now())
            ON CONFLICT (rebuild_id, service) DO NOTHING
            """, cancellationToken);
}
