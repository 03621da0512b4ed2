namespace Cchc.Contracts.Events.Finance;

// Numeric values are part of the wire contract (events are JSON with numeric enums) and equal the
// cchc.finance.v1 proto numbers: never renumber.

/// <summary>The autonomy regime a unit is under from a day.</summary>
public enum AutonomyRegime
{
    Unspecified = 0,
    /// <summary>Cơ quan hành chính tự chủ về biên chế và kinh phí quản lý hành chính (Decrees 130/2005, 117/2013).</summary>
    AdministrativeAgency = 1,
    /// <summary>Đơn vị sự nghiệp công lập tự chủ (Decree 16/2015, successor 60/2021).</summary>
    PublicServiceUnit = 2,
    /// <summary>Tổ chức khoa học và công nghệ công lập tự chủ (Decree 54/2016).</summary>
    ScienceTechnology = 3,
    /// <summary>No longer under an autonomy regime (dissolved, merged, withdrawn).</summary>
    None = 4,
}

/// <summary>A public service unit's autonomy level.</summary>
public enum AutonomyLevel
{
    Unspecified = 0,
    /// <summary>Tự bảo đảm chi thường xuyên và chi đầu tư.</summary>
    RecurrentAndInvestment = 1,
    /// <summary>Tự bảo đảm chi thường xuyên.</summary>
    Recurrent = 2,
    /// <summary>Tự bảo đảm một phần chi thường xuyên.</summary>
    PartlyRecurrent = 3,
    /// <summary>Do Nhà nước bảo đảm chi thường xuyên.</summary>
    StateFunded = 4,
}

/// <summary>Whom a public service unit belongs to.</summary>
public enum ParentKind
{
    Unspecified = 0,
    ProvincialCommittee = 1,
    ProvincialAgency = 2,
    DistrictCommittee = 3,
}

public enum BudgetFigureKind
{
    Unspecified = 0,
    /// <summary>Thu ngân sách nhà nước trên địa bàn (one calendar year).</summary>
    StateBudgetRevenue = 1,
    /// <summary>Kinh phí thực hiện chương trình CCHC (a year or a span of years, with its funding source).</summary>
    ReformFunding = 2,
}

public enum FundingSource
{
    Unspecified = 0,
    StateBudget = 1,
    ForeignGrant = 2,
    Other = 3,
}

public enum MeasureUnit
{
    Unspecified = 0,
    /// <summary>Triệu đồng.</summary>
    MillionVnd = 1,
}
