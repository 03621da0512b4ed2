using Cchc.Cli.Commands;
using Cchc.Cli.Demo;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using static Cchc.Cli.Loading.ProtoMapping;

namespace Cchc.Cli.Loading;

/// <summary>
/// Applies the catalogue history through ProcedureCatalogService. Idempotent: for each procedure it first asks
/// for its history and applies only the versions the service does not have yet (a version per change:
/// announcement = 1, each amendment or the abolition +1). Procedures are independent, so several are loaded
/// at once; one procedure's changes go in order.
/// </summary>
internal sealed class CatalogueLoader(ProcedureCatalogService.ProcedureCatalogServiceClient client, ProgressWriter progress)
{
    public sealed record Result(int Procedures, int Applied, int AlreadyPresent);

    public async Task<Result> LoadAsync(DemoCatalogue catalogue, CancellationToken cancellation)
    {
        var procedures = catalogue.Changes.GroupBy(c => c.Code).Select(g => g.OrderBy(c => c.Version).ToList()).ToList();
        int applied = 0, present = 0, done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellation };
        await Parallel.ForEachAsync(procedures, options, async (changes, token) =>
        {
            var existing = await VersionsAsync(changes[0].Code, token);
            foreach (var change in changes)
            {
                if (change.Version <= existing) { Interlocked.Increment(ref present); continue; }
                await ApplyAsync(change, token);
                Interlocked.Increment(ref applied);
            }
            var n = Interlocked.Increment(ref done);
            progress.Every(TimeSpan.FromSeconds(2), () => $"  catalogue: {n:N0}/{procedures.Count:N0} procedures checked, {Volatile.Read(ref applied):N0} changes applied");
        });
        return new Result(procedures.Count, applied, present);
    }

    private async Task<int> VersionsAsync(string code, CancellationToken token)
    {
        try
        {
            var history = await client.GetProcedureHistoryAsync(new GetProcedureHistoryRequest { Code = code }, cancellationToken: token);
            return history.Versions.Count == 0 ? 0 : history.Versions.Max(v => v.Version);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return 0;
        }
    }

    private async Task ApplyAsync(CatalogueChange change, CancellationToken token)
    {
        try
        {
            switch (change.Kind)
            {
                case ChangeKind.Announce:
                    await client.CreateProcedureAsync(new CreateProcedureRequest
                    {
                        Code = change.Code, Attributes = ToProto(change.Attributes), Publication = ToProto(change.Decision), InForceFrom = Day(change.Day),
                    }, cancellationToken: token);
                    break;
                case ChangeKind.Amend:
                    await client.AmendProcedureAsync(new AmendProcedureRequest
                    {
                        Code = change.Code, Attributes = ToProto(change.Attributes), Publication = ToProto(change.Decision), EffectiveFrom = Day(change.Day),
                    }, cancellationToken: token);
                    break;
                case ChangeKind.Abolish:
                    await client.AbolishProcedureAsync(new AbolishProcedureRequest
                    {
                        Code = change.Code, Publication = ToProto(change.Decision), AbolishedOn = Day(change.Day),
                    }, cancellationToken: token);
                    break;
            }
        }
        catch (RpcException e)
        {
            throw new CommandFailedException(
                $"{change.Kind} {change.Code} version {change.Version} ({Day(change.Day)}) failed: {e.StatusCode}: {e.Status.Detail}");
        }
    }
}
