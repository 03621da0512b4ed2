using Cchc.Procedures.Api.Grpc;

namespace Cchc.Integration.Api.Domain;

/// <summary>
/// How a one-stop-shop dossier (DVCQG format) becomes a dossier of the procedures service, section
/// <c>Integration:Dossiers</c>. Every table has the default documented in docs/integration.md ("The mapping"); a
/// province's configuration adds to or overrides its entries.
/// </summary>
public sealed class DossierMappingOptions
{
    public const string Section = "Integration:Dossiers";

    /// <summary>MaTTHC → the catalogue's procedure code, where the province's catalogue uses another code; absent = the same code.</summary>
    public Dictionary<string, string> ProcedureCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>DonViXuLy → the receiving unit's name in the organisation registry, where the one-stop-shop system names it otherwise.</summary>
    public Dictionary<string, string> Units { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The unit's level from the start of its (mapped) name; the longest matching prefix wins, and a name no prefix
    /// matches is a provincial unit (a department, the provincial public-administration centre).
    /// </summary>
    public Dictionary<string, GovernmentLevel> UnitLevelPrefixes { get; } = new(StringComparer.Ordinal)
    {
        ["UBND huyện "] = GovernmentLevel.District,
        ["UBND thành phố "] = GovernmentLevel.District,
        ["UBND thị xã "] = GovernmentLevel.District,
        ["UBND xã "] = GovernmentLevel.Commune,
        ["UBND phường "] = GovernmentLevel.Commune,
        ["UBND thị trấn "] = GovernmentLevel.Commune,
    };

    /// <summary>HinhThuc → channel. OpenCPS sends "1" when the result goes by public postal service, else "0".</summary>
    public Dictionary<string, DossierChannel> Channels { get; } = new(StringComparer.Ordinal)
    {
        ["0"] = DossierChannel.InPerson,
        ["1"] = DossierChannel.PublicPostal,
        ["2"] = DossierChannel.Online,
    };

    /// <summary>
    /// TrangThaiHoSo / TrangThai → status. The portal's own code list is not public: the default is documented and a
    /// code not in this table refuses the record, naming the field.
    /// </summary>
    public Dictionary<string, DossierStatus> Statuses { get; } = new(StringComparer.Ordinal)
    {
        ["1"] = DossierStatus.Received,   // mới tiếp nhận
        ["2"] = DossierStatus.Received,   // đang xử lý
        ["3"] = DossierStatus.Received,   // chờ bổ sung
        ["4"] = DossierStatus.Resolved,   // đã có kết quả, chờ trả
        ["5"] = DossierStatus.Resolved,   // đã trả kết quả
        ["6"] = DossierStatus.Returned,   // trả lại, không giải quyết
        ["7"] = DossierStatus.Withdrawn,  // công dân rút hồ sơ
    };

    /// <summary>Dossiers that come through the one-stop-shop system are processed electronically (Appendix 3).</summary>
    public bool ProcessedElectronically { get; set; } = true;

    /// <summary>Most records one call may carry.</summary>
    public int MaxRecordsPerCall { get; set; } = 1000;
}
