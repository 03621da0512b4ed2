using System.Diagnostics;
using Cchc.Cli.Demo;
using Cchc.Cli.Commands;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using Level = Cchc.Contracts.Events.Procedures.GovernmentLevel;

namespace Cchc.Cli.Loading;

/// <summary>
/// Streams each period's dossiers through DossierService.ImportDossiers in batches (one call per batch; a call is
/// all or nothing). Idempotent and quick to re-run: a period whose last dossier exists is skipped without
/// generating it; a batch whose last dossier exists is skipped without sending it; anything else is sent and the
/// service counts records it already holds as unchanged.
/// </summary>
internal sealed class DossierLoader(DossierService.DossierServiceClient client, ProgressWriter progress, int batchSize)
{
    public sealed record Result(long Sent, long Inserted, long Unchanged, long Skipped, TimeSpan Elapsed);

    public async Task<Result> LoadAsync(DemoDataSet data, CancellationToken cancellation)
    {
        long sent = 0, inserted = 0, unchanged = 0, skipped = 0;
        var total = Stopwatch.StartNew();
        foreach (var plan in data.Plans)
        {
            var levels = string.Join(", ", plan.Levels.Select(l => $"{Name(l.Level)} {l.Received:N0} ({l.Late:N0} late)"));
            if (await ExistsAsync(plan.LastDossierId, cancellation))
            {
                skipped += plan.Received;
                progress.Line($"  {plan.Period.Key}: {plan.Received:N0} dossiers already present ({levels}), skipped");
                continue;
            }
            var watch = Stopwatch.StartNew();
            long periodSent = 0, periodInserted = 0, periodUnchanged = 0, periodSkipped = 0;
            foreach (var batch in data.Dossiers(plan).Chunk(batchSize))
            {
                if (await ExistsAsync(batch[^1].DossierId, cancellation))
                {
                    periodSkipped += batch.Length;
                    continue;
                }
                var response = await ImportAsync(batch, cancellation);
                periodSent += batch.Length;
                periodInserted += response.Inserted;
                periodUnchanged += response.Unchanged;
                progress.Every(TimeSpan.FromSeconds(3), () =>
                    $"    {plan.Period.Key}: {periodSent + periodSkipped:N0}/{plan.Received:N0} ({Rate(periodSent, watch.Elapsed)})");
            }
            sent += periodSent; inserted += periodInserted; unchanged += periodUnchanged; skipped += periodSkipped;
            progress.Line($"  {plan.Period.Key}: {plan.Received:N0} dossiers ({levels}) imported in {watch.Elapsed.TotalSeconds:N1} s "
                + $"({Rate(periodSent, watch.Elapsed)}): inserted {periodInserted:N0}, unchanged {periodUnchanged:N0}, skipped {periodSkipped:N0}");
        }
        return new Result(sent, inserted, unchanged, skipped, total.Elapsed);
    }

    public static string Rate(long count, TimeSpan elapsed) =>
        elapsed.TotalSeconds > 0 ? $"{count / elapsed.TotalSeconds:N0} dossiers/s" : "-";

    private static string Name(Level level) => level switch { Level.Province => "province", Level.District => "district", _ => "commune" };

    private async Task<ImportDossiersResponse> ImportAsync(DemoDossier[] batch, CancellationToken cancellation)
    {
        try
        {
            using var call = client.ImportDossiers(cancellationToken: cancellation);
            foreach (var dossier in batch) await call.RequestStream.WriteAsync(ProtoMapping.ToProto(dossier), cancellation);
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }
        catch (RpcException e)
        {
            throw new CommandFailedException(
                $"ImportDossiers of {batch[0].DossierId}..{batch[^1].DossierId} failed: {e.StatusCode}: {e.Status.Detail}");
        }
    }

    private async Task<bool> ExistsAsync(string dossierId, CancellationToken cancellation)
    {
        try
        {
            await client.GetDossierAsync(new GetDossierRequest { DossierId = dossierId }, cancellationToken: cancellation);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }
}
