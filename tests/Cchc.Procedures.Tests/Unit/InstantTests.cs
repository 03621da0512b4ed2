using Cchc.Procedures.Api.Domain;
using Google.Protobuf.WellKnownTypes;

namespace Cchc.Procedures.Tests.Unit;

public sealed class InstantTests
{
    [Fact]
    public void TryConvert_KeepsWholeMicrosecondsAndDropsTheRest()
    {
        var timestamp = new Timestamp { Seconds = 1_556_755_200, Nanos = 123_456_789 }; // 2019-05-02T00:00:00.123456789Z

        Assert.True(Instant.TryConvert(timestamp, out var instant));

        Assert.Equal(new DateTimeOffset(2019, 5, 2, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Theory]
    [InlineData(0L, -1)]
    [InlineData(0L, 1_000_000_000)]
    [InlineData(-62_135_596_801L, 0)]
    [InlineData(253_402_300_800L, 0)]
    public void TryConvert_OutOfRangeTimestamp_IsRefused(long seconds, int nanos)
    {
        Assert.False(Instant.TryConvert(new Timestamp { Seconds = seconds, Nanos = nanos }, out _));
    }

    [Fact]
    public void Normalize_TruncatesToMicrosecondsAtOffsetZero()
    {
        var local = new DateTimeOffset(2020, 1, 1, 7, 0, 0, TimeSpan.FromHours(7)).AddTicks(19);

        var normalized = Instant.Normalize(local);

        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(10), normalized);
        Assert.Equal(TimeSpan.Zero, normalized.Offset);
    }

    [Fact]
    public void ToTimestamp_RoundTripsThroughTryConvert()
    {
        var instant = new DateTimeOffset(2018, 6, 30, 23, 59, 59, TimeSpan.Zero).AddTicks(9_990);

        Assert.True(Instant.TryConvert(Instant.ToTimestamp(instant), out var back));
        Assert.Equal(instant, back);
    }
}
