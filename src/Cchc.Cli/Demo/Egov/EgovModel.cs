using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo.Egov;

/// <summary>A GENERATED metric submission, as MetricService.ImportSubmissions takes it.</summary>
public sealed record DemoMetric(string SourceSystem, string Unit, GovernmentLevel Level, EgovMetric Metric, DateOnly From, DateOnly To, long Value);

/// <summary>A GENERATED capability state, as CapabilityService.ImportCapabilityStates takes it.</summary>
public sealed record DemoCapability(string Unit, GovernmentLevel Level, EgovCapability Capability, DateOnly EffectiveFrom, bool InUse,
    IsoVersion IsoVersion = IsoVersion.Unspecified, DateOnly? CertificateDate = null);

/// <summary>The generated e-government data set: submissions and capability states.</summary>
public sealed record DemoEgovData(IReadOnlyList<DemoMetric> Metrics, IReadOnlyList<DemoCapability> Capabilities)
{
    /// <summary>The note every generated record carries.</summary>
    public const string Note = "Dữ liệu mẫu sinh tự động (demo)";
}
