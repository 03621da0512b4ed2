using Cchc.Procedures.Api.Grpc;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The facts the end-to-end scenario records, and the Appendix 3 values they must give, computed here by a plain
/// reading of the rules in docs (independently of the reporting service's SQL).
/// </summary>
internal sealed record ProcedureFact(
    string Code, GovernmentLevel Level, ReceivingPlace Place, DateOnly InForceFrom,
    bool SameLevel = false, bool BetweenLevels = false, bool FourOnTheSpot = false,
    DateOnly? AbolishedOn = null, (DateOnly From, ReceivingPlace Place)? PlaceChange = null)
{
    public bool InForceOn(DateOnly day) => InForceFrom <= day && (AbolishedOn is null || AbolishedOn > day);

    public ReceivingPlace PlaceOn(DateOnly day) => PlaceChange is { } change && change.From <= day ? change.Place : Place;
}

internal sealed record DossierFact(string Id, string ProcedureCode, GovernmentLevel Level, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, DateTimeOffset? ResolvedAt)
{
    public DateOnly? ResolvedOn => ResolvedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime) : null;
}

internal sealed record FeedbackFact(string Id, DateTimeOffset ReceivedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? PublishedAt);

internal sealed record PeriodSpec(string Key, DateOnly From, DateOnly To);

internal static class ExpectedAppendix3
{
    public static object? Value(string label, PeriodSpec p, IReadOnlyList<ProcedureFact> procedures, IReadOnlyList<DossierFact> dossiers, IReadOnlyList<FeedbackFact> feedback)
    {
        var inForce = procedures.Where(x => x.InForceOn(p.To)).ToList();
        int Level(GovernmentLevel level) => inForce.Count(x => x.Level == level);
        int Place(ReceivingPlace place) => inForce.Count(x => x.PlaceOn(p.To) == place);
        double? OnTime(GovernmentLevel level)
        {
            var resolved = dossiers.Where(d => d.Level == level && d.ResolvedOn is { } on && on >= p.From && on <= p.To).ToList();
            return resolved.Count == 0 ? null : 100.0 * resolved.Count(d => d.ResolvedAt <= d.DueAt) / resolved.Count;
        }
        bool In(DateTimeOffset? at) => at is { } a && DateOnly.FromDateTime(a.ToOffset(TimeSpan.FromHours(7)).DateTime) is var d && d >= p.From && d <= p.To;

        return label switch
        {
            "Tổng số TTHC của tỉnh" => inForce.Count,
            "Số lượng TTHC cấp tỉnh" => Level(GovernmentLevel.Province),
            "Số lượng TTHC cấp huyện" => Level(GovernmentLevel.District),
            "Số lượng TTHC cấp xã" => Level(GovernmentLevel.Commune),
            "Số lượng TTHC thực hiện được giải quyết tại Trung tâm phục vụ hành chính công cấp tỉnh hoặc Bộ phận Tiếp nhận và trả kết quả cấp sở, ngành" => Place(ReceivingPlace.ProvincialCentre),
            "Số lượng TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa cấp huyện" => Place(ReceivingPlace.DistrictOneStop),
            "Số lượng TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa cấp xã" => Place(ReceivingPlace.CommuneOneStop),
            "Số lượng TTHC được giải quyết theo cơ chế một cửa liên thông cùng cấp" => inForce.Count(x => x.SameLevel),
            "Số lượng TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền" => inForce.Count(x => x.BetweenLevels),
            "Số TTHC đã thực hiện 4 tại chỗ (cấp tỉnh)" => inForce.Count(x => x.FourOnTheSpot && x.Level == GovernmentLevel.Province),
            "Tỷ lệ hồ sơ TTHC cấp tỉnh giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)" => OnTime(GovernmentLevel.Province),
            "Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)" => OnTime(GovernmentLevel.District),
            "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)" => OnTime(GovernmentLevel.Commune),
            "Số lượng PAKN đã tiếp nhận trong năm" => feedback.Count(f => In(f.ReceivedAt)),
            "Số lượng PAKN đã giải quyết trong năm" => feedback.Count(f => In(f.ResolvedAt)),
            "Số lượng PAKN được xử lý và đã công khai kết quả trả lời trên Cổng TTĐT" => feedback.Count(f => In(f.PublishedAt)),
            _ => Unknown.Instance,
        };
    }

    /// <summary>A row the scenario does not check.</summary>
    public sealed class Unknown
    {
        public static readonly Unknown Instance = new();
    }
}
