using System.Diagnostics;
using Cchc.Cli.Commands;
using Cchc.Cli.Demo.Organisation;
using Cchc.Organisation.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Loading;

/// <summary>
/// Loads the organisation demo through the gateway: the registry's changes in date order in import batches (each batch
/// one transaction and one UnitsChanged event), then the staffing facts in one import. Both imports are idempotent (a
/// rerun finds every change already recorded and every figure unchanged), so the step can run again.
/// </summary>
internal sealed class OrganisationLoader(CallInvoker grpc)
{
    public const int ChangesPerImport = 1_000;

    private readonly UnitRegistryService.UnitRegistryServiceClient _registry = new(grpc);
    private readonly StaffingService.StaffingServiceClient _staffing = new(grpc);

    public sealed record Result(int Changes, int Applied, int AlreadyRecorded, int UnitsChanged, StaffingImportResponse Staffing, RegistryStatus Status,
        TimeSpan Elapsed);

    public async Task<Result> LoadAsync(DemoOrganisation demo, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            int applied = 0, already = 0, units = 0;
            foreach (var batch in demo.Changes.Chunk(ChangesPerImport))
            {
                using var call = _registry.ImportChanges(cancellationToken: cancellation);
                foreach (var change in batch)
                {
                    await call.RequestStream.WriteAsync(change, cancellation);
                }
                await call.RequestStream.CompleteAsync();
                var response = await call;
                applied += response.Applied;
                already += response.AlreadyRecorded;
                units += response.UnitsChanged;
            }
            StaffingImportResponse staffing;
            using (var call = _staffing.ImportStaffing(cancellationToken: cancellation))
            {
                foreach (var item in demo.Staffing)
                {
                    await call.RequestStream.WriteAsync(item, cancellation);
                }
                await call.RequestStream.CompleteAsync();
                staffing = await call;
            }
            var status = await _registry.GetRegistryStatusAsync(new GetRegistryStatusRequest(), cancellationToken: cancellation);
            return new Result(demo.Changes.Count, applied, already, units, staffing, status, watch.Elapsed);
        }
        catch (RpcException e)
        {
            throw new CommandFailedException($"loading the organisation registry failed: {e.StatusCode} {e.Status.Detail}");
        }
    }

    /// <summary>Staffing facts the reporting service will hold: one per figure, one per metric of each record (no competition appointments in the demo).</summary>
    public static long StaffingFacts(DemoOrganisation demo) =>
        demo.Staffing.Count(i => i.Figure is not null) + demo.Staffing.Count(i => i.Record is not null && !i.Record.ThroughCompetition)
        + 2L * demo.Staffing.Count(i => i.Record is { ThroughCompetition: true });
}
