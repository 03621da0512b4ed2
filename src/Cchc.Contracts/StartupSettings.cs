namespace Cchc.Contracts;

/// <summary>Settings of how a service starts, shared by the AppHost that sets them and the services that read them.</summary>
public static class StartupSettings
{
    /// <summary>
    /// True: the serving process applies its database migrations before it starts (environment
    /// <c>Database__MigrateAtStart</c>; the AppHost on one machine). Otherwise an init step runs the <c>migrate</c> verb
    /// (Kubernetes). docs/adr/0047-services-migrate-at-start-on-one-machine.md.
    /// </summary>
    public const string MigrateAtStart = "Database:MigrateAtStart";

    /// <summary><see cref="MigrateAtStart"/> as an environment variable.</summary>
    public const string MigrateAtStartVariable = "Database__MigrateAtStart";

    /// <summary>
    /// True: the built service waits, before it starts, until the broker's port accepts connections (environment
    /// <c>Messaging__WaitForBrokerAtStart</c>; the AppHost, where the broker boots beside the services).
    /// docs/adr/0048-start-up-critical-path.md.
    /// </summary>
    public const string WaitForBrokerAtStart = "Messaging:WaitForBrokerAtStart";

    /// <summary><see cref="WaitForBrokerAtStart"/> as an environment variable.</summary>
    public const string WaitForBrokerAtStartVariable = "Messaging__WaitForBrokerAtStart";
}
