using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Cchc.NationalSimulator;

/// <summary>A procedure of the national procedure database (CSDL quốc gia về TTHC), in its field names.</summary>
public sealed record NationalProcedure(
    string MaTTHC, string TenTTHC, string MaLinhVuc, string TenLinhVuc, string CapThucHien, string CoQuanThucHien,
    string TrangThai, string NgayCapNhat, string SoQuyetDinh, string NgayQuyetDinh, string NgayHieuLuc);

/// <summary>A report the Government reporting system received, and the receipt it gave.</summary>
public sealed record ReceivedReport(string KyBaoCao, string DonVi, string MaBienNhan, DateTimeOffset ThoiGianNhan, JsonObject Body);

/// <summary>
/// The national side's state, in memory: issued tokens, the procedure database, the reports received, and the outage the
/// reporting system was told to have. Thread-safe.
/// </summary>
public sealed class NationalSide(IOptions<SimulatorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NationalProcedure> _procedures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ReceivedReport> _reports = new(StringComparer.Ordinal);
    private int _failuresLeft;

    public int TokensIssued => _tokens.Count;

    public int ReportCalls;

    public (string Token, int Lifetime)? Issue(string clientId, string secret)
    {
        if (!options.Value.Clients.TryGetValue(clientId, out var expected)
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(secret)))
        {
            return null;
        }
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var lifetime = options.Value.TokenLifetimeSeconds;
        _tokens[token] = clock.GetUtcNow().AddSeconds(lifetime);
        return (token, lifetime);
    }

    public bool IsValid(string token) => _tokens.TryGetValue(token, out var until) && clock.GetUtcNow() < until;

    /// <summary>Every token issued so far stops being accepted (as if they had expired).</summary>
    public void ExpireTokens()
    {
        foreach (var key in _tokens.Keys)
        {
            _tokens[key] = DateTimeOffset.MinValue;
        }
    }

    public void Put(NationalProcedure procedure) => _procedures[procedure.MaTTHC] = procedure;

    public NationalProcedure? Find(string code) => _procedures.GetValueOrDefault(code);

    /// <summary>Procedures changed at or after <paramref name="since"/> (yyyyMMddHHmmss compares as text), oldest change first.</summary>
    public IReadOnlyList<NationalProcedure> ChangedSince(string since) =>
        [.. _procedures.Values.Where(p => string.CompareOrdinal(p.NgayCapNhat, since) >= 0).OrderBy(p => p.NgayCapNhat, StringComparer.Ordinal).ThenBy(p => p.MaTTHC, StringComparer.Ordinal)];

    /// <summary>The next <paramref name="failures"/> report submissions fail with 503.</summary>
    public void FailReports(int failures) => Volatile.Write(ref _failuresLeft, failures);

    /// <summary>Receives a report, or fails while the outage lasts. The same period and unit again: the same receipt.</summary>
    public ReceivedReport? Receive(string period, string unit, JsonObject body)
    {
        Interlocked.Increment(ref ReportCalls);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return null;
        }
        Interlocked.Exchange(ref _failuresLeft, 0);
        return _reports.GetOrAdd($"{unit}|{period}", _ => new ReceivedReport(period, unit,
            $"BN-{period}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}", clock.GetUtcNow(), body));
    }

    public IReadOnlyList<ReceivedReport> Reports => [.. _reports.Values.OrderBy(r => r.ThoiGianNhan)];

    public static string Stamp(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
