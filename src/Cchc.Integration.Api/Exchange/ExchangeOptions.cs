namespace Cchc.Integration.Api.Exchange;

/// <summary>
/// Who is who in the exchanges and what the message log keeps, section <c>Integration:Exchange</c>. Identifiers are
/// X-Road style, <c>instance/memberClass/memberCode/subsystem</c> (the member code is the unit's identifier code,
/// mã định danh, QCVN 102:2016/BTTTT); the defaults are placeholders a province replaces with those its LGSP registered.
/// </summary>
public sealed class ExchangeOptions
{
    public const string Section = "Integration:Exchange";

    /// <summary>This platform as a subsystem of the province.</summary>
    public string Self { get; set; } = "VN/GOV/000.00.00.H22/CCHC";

    /// <summary>The provincial data-sharing platform.</summary>
    public string Lgsp { get; set; } = "VN/GOV/000.00.00.H22/LGSP";

    /// <summary>The national data-sharing platform.</summary>
    public string Ngsp { get; set; } = "VN/GOV/000.00.00.G22/NGSP";

    /// <summary>A calling client (token <c>client_id</c>) → its identifier in the log; absent = <c>client:{client_id}</c>.</summary>
    public Dictionary<string, string> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Keep each message's payload in the log (else only its SHA-256 digest).</summary>
    public bool KeepPayloads { get; set; } = true;

    public string MemberOf(string clientId) => Members.GetValueOrDefault(clientId, $"client:{clientId}");
}
