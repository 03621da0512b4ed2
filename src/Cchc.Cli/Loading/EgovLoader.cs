using System.Diagnostics;
using Cchc.Cli.Commands;
using Cchc.Cli.Demo.Egov;
using Cchc.Egov.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Loading;

/// <summary>
/// Loads the generated e-government data through the gateway: the metric submissions and the capability states, each
/// in one idempotent import call (a rerun finds every record unchanged).
/// </summary>
internal sealed class EgovLoader(CallInvoker grpc)
{
    private readonly MetricService.MetricServiceClient _metrics = new(grpc);
    private readonly CapabilityService.CapabilityServiceClient _capabilities = new(grpc);

    public sealed record Result(ImportResponse Submissions, ImportResponse Capabilities, TimeSpan Elapsed);

    public async Task<Result> LoadAsync(DemoEgovData data, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            ImportResponse submissions, capabilities;
            using (var call = _metrics.ImportSubmissions(cancellationToken: cancellation))
            {
                foreach (var m in data.Metrics)
                {
                    await call.RequestStream.WriteAsync(ToWire(m), cancellation);
                }
                await call.RequestStream.CompleteAsync();
                submissions = await call.ResponseAsync;
            }
            using (var call = _capabilities.ImportCapabilityStates(cancellationToken: cancellation))
            {
                foreach (var c in data.Capabilities)
                {
                    await call.RequestStream.WriteAsync(ToWire(c), cancellation);
                }
                await call.RequestStream.CompleteAsync();
                capabilities = await call.ResponseAsync;
            }
            return new Result(submissions, capabilities, watch.Elapsed);
        }
        catch (RpcException e)
        {
            throw new CommandFailedException($"loading the e-government data failed: {e.StatusCode} {e.Status.Detail}");
        }
    }

    public static MetricValue ToWire(DemoMetric m) => new()
    {
        SourceSystem = m.SourceSystem,
        Unit = m.Unit,
        // The service takes the unit's level from its copy of the registry.
        UnitLevel = GovernmentLevel.Unspecified,
        Metric = (Metric)(int)m.Metric,
        PeriodFrom = ProtoMapping.Day(m.From),
        PeriodTo = ProtoMapping.Day(m.To),
        Value = m.Value,
        Note = DemoEgovData.Note,
    };

    public static CapabilityStateRecord ToWire(DemoCapability c) => new()
    {
        Unit = c.Unit,
        UnitLevel = GovernmentLevel.Unspecified,
        Capability = (Capability)(int)c.Capability,
        EffectiveFrom = ProtoMapping.Day(c.EffectiveFrom),
        InUse = c.InUse,
        IsoVersion = (IsoVersion)(int)c.IsoVersion,
        CertificateDate = c.CertificateDate is { } d ? ProtoMapping.Day(d) : string.Empty,
        SourceSystem = EgovGenerator.ReportSource,
        Note = DemoEgovData.Note,
    };
}
