using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Cchc.Resilience.Tests;

/// <summary>
/// One scenario's facts: <see cref="Count"/> dossiers received and resolved in <see cref="Year"/> by the three units,
/// some late, with ids <c>{Prefix}-000001…</c>; and what the report must then say, computed from them here.
/// </summary>
public sealed class ScenarioDossiers(string prefix, int year, int count)
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    public string Prefix { get; } = prefix;
    public int Year { get; } = year;
    public int Count { get; } = count;

    public static GovernmentLevel LevelOf(int i) => (GovernmentLevel)(1 + i % 3);

    /// <summary>Late: one in 7 at the province, one in 5 at districts, one in 11 at communes (so the three rates differ).</summary>
    public static bool IsLate(int i) => i % (LevelOf(i) switch { GovernmentLevel.Province => 7, GovernmentLevel.District => 5, _ => 11 }) == 0;

    public string IdOf(int i) => $"{Prefix}-{i:D6}";

    public DossierRecord Record(int i)
    {
        var level = LevelOf(i);
        var received = new DateTimeOffset(Year, 1, 1, 8, 0, 0, Vn).AddDays(i % 340).AddMinutes(i % 480);
        var due = received.AddDays(10);
        var closed = IsLate(i) ? due.AddDays(1) : received.AddDays(2);
        return new DossierRecord
        {
            DossierId = IdOf(i), ProcedureCode = FaultPlatform.Procedures[level], ReceivingUnit = FaultPlatform.Units[level], UnitLevel = level,
            Channel = i % 4 == 0 ? DossierChannel.Online : DossierChannel.InPerson,
            ReceivedAt = Timestamp.FromDateTimeOffset(received), DueAt = Timestamp.FromDateTimeOffset(due),
            Status = DossierStatus.Resolved, ClosedAt = Timestamp.FromDateTimeOffset(closed),
        };
    }

    /// <summary>(resolved, on time) per level: what the read model's daily counts of the year must sum to.</summary>
    public IReadOnlyDictionary<GovernmentLevel, (long Resolved, long OnTime)> Expected() =>
        Enumerable.Range(1, Count).GroupBy(LevelOf)
            .ToDictionary(g => g.Key, g => ((long)g.Count(), (long)g.Count(i => !IsLate(i))));

    /// <summary>Appendix 3's on-time rate per level (percent).</summary>
    public IReadOnlyDictionary<GovernmentLevel, double> ExpectedRates() =>
        Expected().ToDictionary(kv => kv.Key, kv => 100.0 * kv.Value.OnTime / kv.Value.Resolved);
}

/// <summary>
/// A department system's bulk import through the gateway as a resumable client: calls of <see cref="CallSize"/> records
/// (ImportDossierBatches, 1,000 per message, all or nothing per call), one after the other; a call that fails because the
/// platform is unavailable is sent again, whole, once the procedures service answers again — the service's idempotency
/// (a record already stored with the same content counts as unchanged) makes that safe.
/// </summary>
public sealed class ResumableImport(FaultPlatform platform, ScenarioDossiers dossiers)
{
    public const int CallSize = 5_000;
    private const int MessageSize = 1_000;

    public long Inserted { get; private set; }
    public long Unchanged { get; private set; }
    public int Events { get; private set; }
    public int Resent { get; private set; }

    /// <summary>Sends every call; <paramref name="beforeCall"/> (call index) and <paramref name="midCall"/> (call index, after half its records) let a scenario inject its fault.</summary>
    public async Task RunAsync(Func<int, Task>? beforeCall = null, Func<int, Task>? midCall = null)
    {
        var client = new DossierService.DossierServiceClient(platform.Channel);
        var calls = (dossiers.Count + CallSize - 1) / CallSize;
        for (var call = 0; call < calls; call++)
        {
            if (beforeCall is not null)
            {
                await beforeCall(call);
            }
            var first = call * CallSize + 1;
            var last = Math.Min(dossiers.Count, first + CallSize - 1);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var response = await SendAsync(client, first, last, attempt == 1 && midCall is not null ? () => midCall(call) : null);
                    Assert.Equal(last - first + 1, response.Records);
                    Inserted += response.Inserted;
                    Unchanged += response.Unchanged;
                    Events += response.Events;
                    break;
                }
                catch (RpcException e) when (attempt < 10 && e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown
                    or StatusCode.Cancelled or StatusCode.DeadlineExceeded or StatusCode.Aborted)
                {
                    Resent++;
                    await Eventually.AssertAsync(() => platform.ServingAsync("procedures"), FaultPlatform.RecoveryTimeout,
                        $"the procedures service answers through the gateway again (call {call} failed: {e.StatusCode} {e.Status.Detail})");
                }
            }
        }
    }

    private async Task<ImportDossiersResponse> SendAsync(DossierService.DossierServiceClient client, int first, int last, Func<Task>? midCall)
    {
        using var stream = client.ImportDossierBatches(deadline: DateTime.UtcNow.AddMinutes(3));
        var half = first + (last - first) / 2;
        for (var start = first; start <= last; start += MessageSize)
        {
            var batch = new DossierRecordBatch();
            for (var i = start; i <= Math.Min(last, start + MessageSize - 1); i++)
            {
                batch.Records.Add(dossiers.Record(i));
            }
            await stream.RequestStream.WriteAsync(batch);
            if (midCall is not null && start + MessageSize > half)
            {
                await midCall();
                midCall = null;
            }
        }
        await stream.RequestStream.CompleteAsync();
        return await stream.ResponseAsync;
    }
}
