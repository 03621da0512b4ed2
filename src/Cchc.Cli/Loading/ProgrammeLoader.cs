using System.Diagnostics;
using Cchc.Cli.Commands;
using Cchc.Cli.Demo.Programme;
using Cchc.Programme.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Loading;

/// <summary>
/// Loads the demo's programme data through the gateway: the records (Appendix 1), the submitted values (Appendix 3
/// rows 2–3) and the obligations, each in one idempotent import call (a rerun finds everything unchanged).
/// </summary>
internal sealed class ProgrammeLoader(CallInvoker grpc)
{
    public sealed record Result(ImportResponse Records, ImportResponse Values, ImportResponse Obligations, TimeSpan Elapsed);

    public async Task<Result> LoadAsync(ProgrammeDemo data, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var records = await ImportAsync(new ProgrammeRecordService.ProgrammeRecordServiceClient(grpc).ImportProgrammeRecords(cancellationToken: cancellation), data.Records, cancellation);
            var values = await ImportAsync(new SubmittedValueService.SubmittedValueServiceClient(grpc).ImportSubmittedValues(cancellationToken: cancellation), data.Values, cancellation);
            var obligations = await ImportAsync(new ObligationService.ObligationServiceClient(grpc).ImportObligations(cancellationToken: cancellation), data.Obligations, cancellation);
            return new Result(records, values, obligations, watch.Elapsed);
        }
        catch (RpcException e)
        {
            throw new CommandFailedException($"loading the programme data failed: {e.StatusCode} {e.Status.Detail}");
        }
    }

    private static async Task<ImportResponse> ImportAsync<T>(AsyncClientStreamingCall<T, ImportResponse> call, IEnumerable<T> items, CancellationToken cancellation)
    {
        using (call)
        {
            foreach (var item in items)
            {
                await call.RequestStream.WriteAsync(item, cancellation);
            }
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }
    }
}
