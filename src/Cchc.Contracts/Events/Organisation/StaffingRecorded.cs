namespace Cchc.Contracts.Events.Organisation;

/// <summary>
/// Staffing facts were recorded or changed in the organisation service (cchc.organisation.v1): aggregate figures (a
/// unit's quota, employed, people trained… for a period) and facts derived from individual records (one person
/// recruited, appointed, streamlined). Consumers upsert each <see cref="StaffingFact"/> by <see cref="StaffingFact.Key"/>
/// and keep the highest <see cref="StaffingFact.Revision"/>: redelivery and reordering are harmless. The service never
/// holds both an aggregate figure and individual records for the same (unit, metric, period).
/// </summary>
public sealed record StaffingRecorded
{
    public required IReadOnlyList<StaffingFact> Facts { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>One staffing fact: <see cref="Value"/> of <see cref="Metric"/> for <see cref="UnitCode"/> over [<see cref="From"/>, <see cref="To"/>].</summary>
public sealed record StaffingFact
{
    /// <summary>Stable key: "F|unit|metric|from|to" for a figure, "R|record id|metric" for a fact of an individual record.</summary>
    public required string Key { get; init; }

    /// <summary>Increases each time the fact behind the key changes.</summary>
    public required long Revision { get; init; }

    /// <summary>The unit (registry code) the fact belongs to, as the unit was on <see cref="To"/>.</summary>
    public required string UnitCode { get; init; }

    public required StaffingMetric Metric { get; init; }

    /// <summary>First day of the period the fact covers (a record's day for an individual record).</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last day of the period; a stock (quota, employed) holds on this day.</summary>
    public required DateOnly To { get; init; }

    /// <summary>The count; 1 for a fact of an individual record; 0 for a withdrawn record (it then counts nothing).</summary>
    public required long Value { get; init; }

    /// <summary>True when the fact comes from an individual record rather than an aggregate figure.</summary>
    public bool Individual { get; init; }
}

// Numeric values are part of the wire contract and equal the cchc.organisation.v1 proto numbers: never renumber.
public enum StaffingMetric
{
    Unspecified = 0,

    // Stocks: the value holds on the period's last day.
    /// <summary>Biên chế công chức được giao (cán bộ, công chức of provincial and district bodies).</summary>
    CivilServantQuota = 1,
    /// <summary>Cán bộ, công chức có mặt.</summary>
    CivilServantsEmployed = 2,
    /// <summary>Biên chế (số lượng người làm việc) viên chức được giao.</summary>
    PublicEmployeeQuota = 3,
    /// <summary>Viên chức có mặt.</summary>
    PublicEmployeesEmployed = 4,
    /// <summary>Công chức cấp xã có mặt.</summary>
    CommuneCivilServantsEmployed = 5,
    /// <summary>Công chức cấp xã đạt chuẩn chuyên môn, nghiệp vụ.</summary>
    CommuneCivilServantsMeetingStandard = 6,
    /// <summary>Công chức cấp xã có trình độ lý luận chính trị (trung cấp trở lên).</summary>
    CommuneCivilServantsWithPoliticalTheory = 7,
    /// <summary>Số lượng công chức cấp xã được giao.</summary>
    CommuneCivilServantQuota = 8,

    // Flows: events in the period.
    /// <summary>Công chức được tuyển dụng theo hình thức thi cạnh tranh.</summary>
    CompetitiveRecruitment = 10,
    /// <summary>Bầu (elected to a leadership post).</summary>
    Elected = 11,
    /// <summary>Bổ nhiệm mới.</summary>
    NewlyAppointed = 12,
    /// <summary>Bổ nhiệm lại.</summary>
    Reappointed = 13,
    /// <summary>Điều động, bổ nhiệm.</summary>
    TransferredAndAppointed = 14,
    /// <summary>Luân chuyển, bổ nhiệm.</summary>
    RotatedAndAppointed = 15,
    /// <summary>Bổ nhiệm vào chức danh lãnh đạo, quản lý thông qua thi tuyển cạnh tranh (a subset of 11–15).</summary>
    AppointedThroughCompetition = 16,
    /// <summary>Cán bộ, công chức, viên chức được tinh giản biên chế.</summary>
    Streamlined = 17,
    /// <summary>Công chức được bồi dưỡng, tập huấn.</summary>
    CivilServantsTrained = 20,
    /// <summary>Viên chức được bồi dưỡng, tập huấn.</summary>
    PublicEmployeesTrained = 21,
    /// <summary>Lớp đào tạo, bồi dưỡng.</summary>
    TrainingClasses = 22,
}

public static class StaffingMetrics
{
    /// <summary>Whether the metric is a stock (its value holds on a day) rather than a flow (events in a period).</summary>
    public static bool IsStock(StaffingMetric metric) => (int)metric is >= 1 and <= 9;
}
