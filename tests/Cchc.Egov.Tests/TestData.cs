using Cchc.Egov.Api.Grpc;
using Google.Rpc;
using Grpc.Core;

namespace Cchc.Egov.Tests;

/// <summary>Requests as a reporting system sends them; every test uses its own source system and units (unique names).</summary>
internal static class TestData
{
    public const string Province = "UBND tỉnh Lai Châu";
    public const string TamDuong = "UBND huyện Tam Đường";
    public const string BanGiang = "UBND xã Bản Giang";

    public static string NewSource() => "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A unique agency name (the fixture's NewAgencyAsync registers it in the service's copy under the provincial committee).</summary>
    public static string NewAgency() => "Sở Thử nghiệm " + Guid.NewGuid().ToString("N")[..8];

    public static MetricValue Value(string source, string unit, Metric metric, long value, string from = "2019-01-01", string to = "2019-12-31",
        GovernmentLevel level = GovernmentLevel.Province) => new()
    {
        SourceSystem = source, Unit = unit, UnitLevel = level, Metric = metric, PeriodFrom = from, PeriodTo = to, Value = value,
    };

    public static SubmitMetricRequest Submit(MetricValue value) => new() { Submission = value };

    public static GetSubmissionRequest Get(MetricValue v) => new()
    {
        SourceSystem = v.SourceSystem, Unit = v.Unit, Metric = v.Metric, PeriodFrom = v.PeriodFrom, PeriodTo = v.PeriodTo,
    };

    public static CapabilityStateRecord State(string unit, Capability capability, string from, bool inUse = true,
        GovernmentLevel level = GovernmentLevel.Province, IsoVersion iso = IsoVersion.Unspecified, string certificate = "") => new()
    {
        Unit = unit, UnitLevel = level, Capability = capability, EffectiveFrom = from, InUse = inUse, IsoVersion = iso, CertificateDate = certificate,
    };

    /// <summary>The call failed with <paramref name="code"/> and its google.rpc.BadRequest names <paramref name="field"/>.</summary>
    public static void AssertFails(RpcException ex, string field, StatusCode code = StatusCode.InvalidArgument)
    {
        Assert.Equal(code, ex.StatusCode);
        var fields = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
        Assert.Contains(field, fields);
    }
}
