using Cchc.Integration.Api.Data;
using Cchc.Integration.Api.Exchange;

namespace Cchc.Integration.Tests.Unit;

/// <summary>The message log's hash chain: a whole chain verifies; a changed, removed or reordered entry is caught where it is.</summary>
public sealed class MessageChainTests
{
    private static List<MessageLogEntryEntity> Chain(int count)
    {
        var entries = new List<MessageLogEntryEntity>();
        var previous = MessageChain.First;
        for (var i = 1; i <= count; i++)
        {
            var e = new MessageLogEntryEntity
            {
                Sequence = i, OccurredAt = new DateTimeOffset(2026, 12, 6, 8, 0, i, TimeSpan.Zero), Direction = "in",
                Client = "VN/GOV/000.00.00.H22/LGSP", Service = "VN/GOV/000.00.00.H22/CCHC", Operation = "DongBoHoSoMC",
                MessageId = $"m-{i}", PayloadDigest = MessageChain.Digest([(byte)i]), Status = "error_code=0", PrevHash = previous,
            };
            e.Hash = MessageChain.HashOf(e);
            previous = e.Hash;
            entries.Add(e);
        }
        return entries;
    }

    private static Task<ChainCheck> Verify(IEnumerable<MessageLogEntryEntity> entries) =>
        MessageChain.VerifyAsync(entries.ToAsyncEnumerable(), default);

    [Fact]
    public async Task AWholeChain_Verifies()
    {
        var check = await Verify(Chain(5));

        Assert.Equal((true, 5L, 0L), (check.Ok, check.Entries, check.FirstBrokenSequence));
    }

    [Fact]
    public async Task AChangedStatus_IsCaughtAtItsEntry()
    {
        var chain = Chain(5);
        chain[2].Status = "error_code=2";

        var check = await Verify(chain);

        Assert.Equal((false, 3L), (check.Ok, check.FirstBrokenSequence));
        Assert.Contains("hash", check.Problem);
    }

    [Fact]
    public async Task AnEntryRehashedAfterChange_BreaksTheNextLink()
    {
        var chain = Chain(5);
        chain[1].PayloadDigest = MessageChain.Digest([42]);
        chain[1].Hash = MessageChain.HashOf(chain[1]);

        var check = await Verify(chain);

        Assert.Equal((false, 3L), (check.Ok, check.FirstBrokenSequence));
        Assert.Contains("link", check.Problem);
    }

    [Fact]
    public async Task ARemovedEntry_IsCaught()
    {
        var chain = Chain(5);
        chain.RemoveAt(3);

        var check = await Verify(chain);

        Assert.Equal((false, 5L), (check.Ok, check.FirstBrokenSequence));
        Assert.Contains("entry 4 is missing", check.Problem);
    }
}

/// <summary>The report periods a submission accepts: a year, or a range of real days from 2/9/1945, ending at most a year ahead.</summary>
public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2024", true)]
    [InlineData("2024-01-01..2024-06-30", true)]
    [InlineData("1944", false)]
    [InlineData("2024-06-30..2024-01-01", false)]
    [InlineData("2024-02-30..2024-03-01", false)]
    [InlineData("1945-09-01..1945-12-31", false)]
    [InlineData("2024-1-1..2024-06-30", false)]
    [InlineData("", false)]
    [InlineData("9999", false)]
    [InlineData("2024-01-01..9999-12-31", false)]
    public void APeriod_IsAYearOrARangeOfRealDays(string period, bool valid) =>
        Assert.Equal(valid, Cchc.Integration.Api.Exchange.ReportSubmissions.IsPeriod(period, TimeProvider.System));
}
