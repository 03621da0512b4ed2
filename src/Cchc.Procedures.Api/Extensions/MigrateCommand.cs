using Cchc.Procedures.Api.Data;

namespace Cchc.Procedures.Api.Extensions;

/// <summary>
/// `Cchc.Procedures.Api migrate`: applies the EF migrations (creating the database if missing) and exits — the shared
/// <see cref="Cchc.ServiceKit.MigrateCommand"/> for the procedures database. Run as its own short-lived resource
/// (AppHost) or Job (Kubernetes); a serving process never migrates.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = Cchc.ServiceKit.MigrateCommand.Verb;

    public static bool IsRequested(string[] args) => Cchc.ServiceKit.MigrateCommand.IsRequested(args);

    /// <summary>Migrates the database named by the usual configuration (appsettings, environment); <paramref name="settings"/> override it.</summary>
    public static Task<int> RunAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        Cchc.ServiceKit.MigrateCommand.RunAsync<ProceduresDbContext>(b => b.AddProceduresDatabase(), settings);
}
