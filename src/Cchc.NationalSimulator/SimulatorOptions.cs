namespace Cchc.NationalSimulator;

/// <summary>Section <c>Simulator</c>: the clients its token endpoint knows (id → secret) and the lifetime of its tokens.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public Dictionary<string, string> Clients { get; } = new(StringComparer.Ordinal);

    public int TokenLifetimeSeconds { get; set; } = 300;
}
