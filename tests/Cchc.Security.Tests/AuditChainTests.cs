using Cchc.Security.Audit;

namespace Cchc.Security.Tests;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry
            {
                Sequence = i,
                OccurredAt = AuditChain.Normalize(Start.AddTicks(i * 12_345_677)),
                ClientId = i % 2 == 0 ? "tam-duong" : "cchc-demo-loader",
                Unit = i % 3 == 0 ? null : "UBND huyện Tam Đường",
                Operation = "/cchc.procedures.v1.DossierService/ReceiveDossier",
                TargetId = $"HS-{i}",
                RequestId = i % 4 == 0 ? null : $"req-{i}",
                Outcome = i % 5 == 0 ? AuditOutcome.Refused : AuditOutcome.Accepted,
                StatusCode = i % 5 == 0 ? "PermissionDenied" : "OK",
                PrevHash = previous,
                Hash = string.Empty,
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    private static Task<ChainVerification> VerifyAsync(IEnumerable<AuditEntry> entries) => AuditChain.VerifyAsync(entries.ToAsyncEnumerable());

    [Fact]
    public async Task AnIntactChain_Verifies()
    {
        var result = await VerifyAsync(Chain(50));
        Assert.Equal(ChainVerification.Valid(50), result);
        Assert.Equal(ChainVerification.Valid(0), await VerifyAsync([]));
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "client", "hash" },
        { "unit", "hash" },
        { "outcome", "hash" },
        { "time", "hash" },
        { "rehashed", "prev_hash" },
        { "deleted", "missing" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task AnyChangeToOneEntry_IsReportedAtThatEntry(string change, string problem)
    {
        var chain = Chain(20);
        var victim = chain[11]; // sequence 12
        switch (change)
        {
            case "client": victim.ClientId = "someone-else"; break;
            case "unit": victim.Unit = "UBND huyện Sìn Hồ"; break;
            case "outcome": victim.StatusCode = "Internal"; break;
            case "time": victim.OccurredAt = victim.OccurredAt.AddMicroseconds(1); break;
            case "rehashed":
                // The intruder recomputes the altered entry's own hash: the next entry's link breaks instead.
                victim.ClientId = "someone-else";
                victim.Hash = AuditChain.ComputeHash(victim);
                break;
            case "deleted": chain.RemoveAt(11); break;
        }

        var result = await VerifyAsync(chain);

        Assert.False(result.Ok);
        Assert.Equal(change is "rehashed" or "deleted" ? 13 : 12, result.FirstBrokenSequence);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHash_CoversEveryField_AndFieldBoundariesCannotBeShifted()
    {
        var a = Chain(1)[0];
        var shifted = new AuditEntry
        {
            Sequence = a.Sequence, OccurredAt = a.OccurredAt, ClientId = a.ClientId + "x", Unit = a.Unit![1..],
            Operation = a.Operation, TargetId = a.TargetId, RequestId = a.RequestId, Outcome = a.Outcome, StatusCode = a.StatusCode,
            PrevHash = a.PrevHash, Hash = string.Empty,
        };
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(shifted));
        Assert.Equal(64, a.Hash.Length);
        Assert.Matches("^[0-9a-f]{64}$", a.Hash);
    }

    [Fact]
    public void Normalize_KeepsMicroseconds_InUtc_SoAStoredEntryHashesTheSame()
    {
        var local = new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.FromHours(7)).AddTicks(1234567);
        var normalized = AuditChain.Normalize(local);
        Assert.Equal(TimeSpan.Zero, normalized.Offset);
        Assert.Equal(0, normalized.Ticks % 10);
        Assert.Equal(local.UtcTicks - 7, normalized.UtcTicks);
    }
}
