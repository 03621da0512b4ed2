namespace Cchc.Contracts.Events.Procedures;

// Numeric values are part of the wire contract (events are JSON with numeric enums): never renumber.

/// <summary>Level of government (cấp tỉnh / huyện / xã).</summary>
public enum GovernmentLevel
{
    Unspecified = 0,
    Province = 1,
    District = 2,
    Commune = 3,
}

/// <summary>Where a procedure's dossiers are received (nơi tiếp nhận).</summary>
public enum ReceivingPlace
{
    Unspecified = 0,
    /// <summary>Trung tâm phục vụ hành chính công cấp tỉnh, or a department's own receiving desk.</summary>
    ProvincialCentre = 1,
    /// <summary>Bộ phận Một cửa cấp huyện.</summary>
    DistrictOneStop = 2,
    /// <summary>Bộ phận Một cửa cấp xã.</summary>
    CommuneOneStop = 3,
    /// <summary>Received elsewhere (e.g. a central vertical agency), not at a provincial one-stop shop.</summary>
    Other = 4,
}

/// <summary>Online public-service level: levels 2–4 under Decree 43/2011 (before 2022), full/partial under Decree 42/2022.</summary>
public enum OnlineServiceLevel
{
    None = 0,
    Level2 = 2,
    Level3 = 3,
    Level4 = 4,
    /// <summary>Dịch vụ công trực tuyến toàn trình.</summary>
    Full = 10,
    /// <summary>Dịch vụ công trực tuyến một phần.</summary>
    Partial = 11,
}

/// <summary>How a dossier was submitted.</summary>
public enum DossierChannel
{
    Unspecified = 0,
    InPerson = 1,
    Online = 2,
    PublicPostal = 3,
}

/// <summary>A dossier's state: received and pending, or closed one of three ways.</summary>
public enum DossierStatus
{
    Unspecified = 0,
    Received = 1,
    Resolved = 2,
    Returned = 3,
    Withdrawn = 4,
}
