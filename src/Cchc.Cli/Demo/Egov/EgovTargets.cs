namespace Cchc.Cli.Demo.Egov;

/// <summary>
/// What the generated e-government data must reproduce of the source report's Appendix 7 (Lai Châu, 2015 – 31/3/2020),
/// one value per <see cref="DemoPeriod.All"/> column. Rows 10, 11 and 13 come from the procedures data
/// (<see cref="ModernisationTargets"/>).
/// </summary>
public static class EgovTargets
{
    /// <summary>Row 1: administrative documents exchanged electronically, % (numerator over denominator).</summary>
    public static decimal[] ElectronicDocumentPercent { get; } = [0m, 0m, 0m, 0m, 100m, 100m];
    /// <summary>Row 2: units connected to the national document axis at the period's end.</summary>
    public static int[] AxisConnectedUnits { get; } = [0, 0, 0, 0, 59, 59];
    /// <summary>Row 3: documents received over the axis in the period.</summary>
    public static long[] AxisReceived { get; } = [0, 0, 0, 0, 1_316_627, 398_772];
    /// <summary>Row 4: documents sent over the axis in the period.</summary>
    public static long[] AxisSent { get; } = [0, 0, 0, 0, 179_958, 6_743];
    /// <summary>Row 5: digital signatures issued in the period (personal + organisational + mobile).</summary>
    public static int[] Signatures { get; } = [22, 22, 22, 358, 1_753, 230];
    /// <summary>Row 6: civil servants with an official mailbox, %.</summary>
    public static decimal[] MailboxPercent { get; } = [5m, 5m, 5m, 5m, 100m, 100m];
    /// <summary>Row 7: provincial agencies and district-level units using document-management software.</summary>
    public static int[] DocumentManagement { get; } = [12, 12, 12, 12, 59, 59];
    /// <summary>Rows 8 and 9: provincial agencies and district-level units with a LAN / a web portal.</summary>
    public const int LanAndPortal = 30;
    /// <summary>Row 12: units (all levels) using one-stop-shop software.</summary>
    public static int[] OneStopShopSoftware { get; } = [8, 8, 8, 8, 133, 133];
    /// <summary>Row 14: provincial agencies and district-level units that announced ISO 9001, of those recorded ("28/28").</summary>
    public const int IsoUnits = 28;
}
