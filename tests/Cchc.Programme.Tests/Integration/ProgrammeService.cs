using Cchc.Programme.Api.Data;
using Cchc.Programme.Api.Grpc;
using Grpc.Core;

namespace Cchc.Programme.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class ProgrammeServiceCollection : ICollectionFixture<ProgrammeService>
{
    public const string Name = "programme-service";
}

/// <summary>
/// The programme service hosted in-process on a real, migrated PostgreSQL database and a real RabbitMQ (Cchc.Testing's
/// domain-service host), shared by the integration tests (each test uses its own keys). Events are read from the outbox.
/// The usual caller: the Department of Home Affairs' province-wide rights.
/// </summary>
public sealed class ProgrammeService() : DomainServiceHost<Program, ProgrammeDbContext>(new()
{
    DatabaseName = "programme_service_tests",
    WithBroker = true,
    DefaultCaller = DomainServiceHostOptions.ProvinceWide("programme.read", "programme.write"),
})
{
    public ProgrammeRecordService.ProgrammeRecordServiceClient Records => new(Channel);

    public SubmittedValueService.SubmittedValueServiceClient Values => new(Channel);

    public ObligationService.ObligationServiceClient Obligations => new(Channel);
}

/// <summary>Requests the tests build: unique keys per call.</summary>
internal static class TestData
{
    public const string HomeAffairs = "Sở Nội vụ";
    public const string TamDuong = "UBND huyện Tam Đường";

    public static string NewKey() => "k-" + Guid.NewGuid().ToString("N")[..12];

    public static ProgrammeRecord Inspection(string key, string unit = "Sở Tư pháp", string day = "2009-05-12") => new()
    {
        ReportingUnit = HomeAffairs,
        Key = key,
        Inspection = new Inspection { UnitInspected = unit, Day = day, Findings = "Đạt yêu cầu" },
    };

    public static SubmittedValue Value(string unit, string from, string to, ValueKind kind, string value) => new()
    {
        Indicator = "procedures.published_in_full", Unit = unit, PeriodFrom = from, PeriodTo = to, Kind = kind, Value = value,
    };

    public static async Task<ImportResponse> ImportAsync<T>(AsyncClientStreamingCall<T, ImportResponse> call, params T[] items)
    {
        using (call)
        {
            foreach (var item in items)
            {
                await call.RequestStream.WriteAsync(item);
            }
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }
    }
}
