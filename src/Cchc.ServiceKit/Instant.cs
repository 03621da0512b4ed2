using Google.Protobuf.WellKnownTypes;

namespace Cchc.ServiceKit;

/// <summary>
/// Instants on the wire (protobuf Timestamp) and in the database (timestamptz, microseconds). An instant is
/// truncated to whole microseconds on the way in, so a retried request compares equal to what was stored.
/// </summary>
public static class Instant
{
    private const long MinSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    public static bool TryConvert(Timestamp timestamp, out DateTimeOffset instant)
    {
        instant = default;
        if (timestamp.Seconds is < MinSeconds or > MaxSeconds || timestamp.Nanos is < 0 or > 999_999_999)
        {
            return false;
        }
        var ticks = (timestamp.Seconds - MinSeconds) * TimeSpan.TicksPerSecond + timestamp.Nanos / 1_000 * 10;
        instant = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>The same instant rounded down to whole microseconds, at offset zero.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero);

    public static Timestamp ToTimestamp(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static Timestamp? ToTimestamp(DateTimeOffset? instant) => instant is { } i ? Timestamp.FromDateTimeOffset(i) : null;
}
