namespace Cchc.Contracts.Events.Legal;

// Numeric values are part of the wire contract (events are JSON with numeric enums) and equal the
// cchc.legal.v1 proto numbers: never renumber. The level is Cchc.Contracts.Events.Procedures.GovernmentLevel.

/// <summary>Who issues a document: the People's Council (HĐND) or the People's Committee (UBND) of its level.</summary>
public enum IssuingBody
{
    Unspecified = 0,
    PeoplesCouncil = 1,
    PeoplesCommittee = 2,
}

public enum DocumentKind
{
    Unspecified = 0,
    /// <summary>Nghị quyết (HĐND).</summary>
    Resolution = 1,
    /// <summary>Quyết định (UBND).</summary>
    Decision = 2,
    /// <summary>Chỉ thị (UBND), normative before 1 July 2016.</summary>
    Directive = 3,
    /// <summary>Văn bản không phải là VBQPPL nhưng có chứa quy phạm pháp luật.</summary>
    NonNormativeWithNorms = 4,
}

/// <summary>A document's state on a day.</summary>
public enum DocumentStatus
{
    Unspecified = 0,
    NotYetInForce = 1,
    InForce = 2,
    PartlyExpired = 3,
    Expired = 4,
}

public enum LifecycleEventType
{
    Unspecified = 0,
    Amended = 1,
    PartlyExpired = 2,
    WhollyExpired = 3,
    Replaced = 4,
    Repealed = 5,
}

/// <summary>What a review (rà soát) concludes about a document.</summary>
public enum ReviewConclusion
{
    Unspecified = 0,
    Keep = 1,
    Amend = 2,
    Replace = 3,
    Repeal = 4,
    IssueNew = 5,
}

public enum FindingHandling
{
    None = 0,
    HandledWithinAuthority = 1,
    Recommended = 2,
    Done = 3,
}

public enum ReviewKind
{
    Unspecified = 0,
    Periodic = 1,
    Topical = 2,
}

public enum CheckResult
{
    Unspecified = 0,
    Lawful = 1,
    UnlawfulContent = 2,
    UnlawfulAuthority = 3,
    UnlawfulContentAndAuthority = 4,
}

public enum CheckHandling
{
    None = 0,
    HandledByIssuer = 1,
    Recommended = 2,
    Done = 3,
}
