using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>A field (lĩnh vực) of procedures, its resolving unit and names to draw from.</summary>
/// <param name="Names">Whole procedure names.</param>
/// <param name="Documents">Licences and certificates: names are made as "verb + document" ("Cấp lại giấy phép …").</param>
internal sealed record ProcedureField(GovernmentLevel Level, string Field, string ResolvingUnit, string[] Names, string[] Documents);

/// <summary>
/// Fields and names for the GENERATED demo catalogue. The names are modelled on real Vietnamese
/// procedure names, but which procedures exist, their codes, dates and decisions are synthetic.
/// </summary>
internal static partial class ProcedureFields
{
    public const string DistrictUnit = "UBND cấp huyện";
    public const string CommuneUnit = "UBND cấp xã";

    /// <summary>Verbs combined with <see cref="ProcedureField.Documents"/>.</summary>
    public static readonly string[] DocumentVerbs =
        ["Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn", "Thu hồi", "Cấp bổ sung nội dung", "Chấm dứt hiệu lực"];

    /// <summary>Suffixes that make further distinct names once a level's names are used up.</summary>
    public static readonly string[] Variants =
        ["", " - trường hợp thông thường", " - trường hợp có thay đổi thông tin", " - trường hợp cấp lại do mất, hỏng", " - trường hợp đặc biệt"];

    public static IReadOnlyList<ProcedureField> For(GovernmentLevel level) => level switch
    {
        GovernmentLevel.Province => Province,
        GovernmentLevel.District => District,
        GovernmentLevel.Commune => Commune,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    private static ProcedureField P(string field, string unit, string[] names, string[]? documents = null) =>
        new(GovernmentLevel.Province, field, unit, names, documents ?? []);

    private static ProcedureField D(string field, string[] names, string[]? documents = null) =>
        new(GovernmentLevel.District, field, DistrictUnit, names, documents ?? []);

    private static ProcedureField C(string field, string[] names, string[]? documents = null) =>
        new(GovernmentLevel.Commune, field, CommuneUnit, names, documents ?? []);
}
