using Cchc.Contracts.Events.Procedures;

namespace Cchc.Reporting.Api.Reports.Scope;

/// <summary>
/// Whose report: the whole province (the default), one administrative level (the units of province, district or commune
/// level, as the unit registry places them), or one unit and its subtree (a district's own report: the district, its
/// committee and council, divisions, service units and communes). Written in a query as <c>scope=province</c>,
/// <c>scope=level:district</c> or <c>scope=unit:&lt;unit code or name&gt;</c> (ADR 0037).
/// </summary>
public abstract record ReportScope
{
    private ReportScope()
    {
    }

    public const string Parameter = "scope";

    public static readonly ReportScope Province = new WholeProvince();

    /// <summary>The query value: "province", "level:district", "unit:105".</summary>
    public abstract string Key { get; }

    /// <summary>What the page says: "Toàn tỉnh", "Các đơn vị cấp huyện", "Huyện Tam Đường và các đơn vị trực thuộc".</summary>
    public abstract string Label { get; }

    public bool IsProvince => this is WholeProvince;

    public sealed record WholeProvince : ReportScope
    {
        public override string Key => "province";

        public override string Label => "Toàn tỉnh";
    }

    public sealed record Level(GovernmentLevel Value) : ReportScope
    {
        public override string Key => "level:" + LevelKey(Value);

        public override string Label => "Các đơn vị " + LevelLabel(Value);
    }

    /// <summary>A unit and its subtree; <see cref="Code"/> is the registry's code, <see cref="Name"/> its name on the scope's day.</summary>
    public sealed record Unit(string Code, string Name) : ReportScope
    {
        public override string Key => "unit:" + Code;

        public override string Label => Name + " và các đơn vị trực thuộc";
    }

    public static string LevelKey(GovernmentLevel level) => level switch
    {
        GovernmentLevel.Province => "province",
        GovernmentLevel.District => "district",
        GovernmentLevel.Commune => "commune",
        _ => "unspecified",
    };

    public static string LevelLabel(GovernmentLevel level) => level switch
    {
        GovernmentLevel.Province => "cấp tỉnh",
        GovernmentLevel.District => "cấp huyện",
        GovernmentLevel.Commune => "cấp xã",
        _ => "chưa xác định cấp",
    };

    /// <summary>The level named in "level:…", or null.</summary>
    public static GovernmentLevel? ParseLevel(string text) => text switch
    {
        "province" => GovernmentLevel.Province,
        "district" => GovernmentLevel.District,
        "commune" => GovernmentLevel.Commune,
        _ => null,
    };
}
