namespace Cchc.Contracts.Events.Egov;

// Numeric values are part of the wire contract (events are JSON with numeric enums) and equal egov.proto's: never renumber.
// Levels of government are Cchc.Contracts.Events.Procedures.GovernmentLevel.

/// <summary>What an e-government metric counts (egov.proto Metric). Flows are summed over periods; stocks hold at a period's end.</summary>
public enum EgovMetric
{
    Unspecified = 0,
    AxisDocumentsReceived = 1,
    AxisDocumentsSent = 2,
    SignaturesPersonal = 3,
    SignaturesOrganisation = 4,
    SignaturesMobile = 5,
    OfficialMailboxes = 6,
    AxisConnectedUnits = 7,
    CivilServants = 8,
    CivilServantsWithMailbox = 9,
    AdminDocuments = 10,
    AdminDocumentsElectronic = 11,
}

/// <summary>A unit's e-government capability (egov.proto Capability).</summary>
public enum EgovCapability
{
    Unspecified = 0,
    DocumentManagement = 1,
    Lan = 2,
    WebPortal = 3,
    OneStopShopSoftware = 4,
    Iso9001 = 5,
}

public enum IsoVersion
{
    Unspecified = 0,
    Iso2008 = 1,
    Iso2015 = 2,
}

/// <summary>How a metric's submissions add up over time.</summary>
public static class EgovMetrics
{
    /// <summary>A stock is the state at the end of its period; every other metric is a flow over its period.</summary>
    public static bool IsStock(EgovMetric metric) => metric is EgovMetric.OfficialMailboxes or EgovMetric.AxisConnectedUnits
        or EgovMetric.CivilServants or EgovMetric.CivilServantsWithMailbox;

    /// <summary>The denominator a numerator metric may not exceed (same source, unit and period), if it is one.</summary>
    public static EgovMetric? DenominatorOf(EgovMetric metric) => metric switch
    {
        EgovMetric.CivilServantsWithMailbox => EgovMetric.CivilServants,
        EgovMetric.AdminDocumentsElectronic => EgovMetric.AdminDocuments,
        _ => null,
    };

    /// <summary>The numerator a denominator metric may not fall below, if it is one.</summary>
    public static EgovMetric? NumeratorOf(EgovMetric metric) => metric switch
    {
        EgovMetric.CivilServants => EgovMetric.CivilServantsWithMailbox,
        EgovMetric.AdminDocuments => EgovMetric.AdminDocumentsElectronic,
        _ => null,
    };
}
