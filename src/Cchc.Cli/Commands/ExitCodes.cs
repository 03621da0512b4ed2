namespace Cchc.Cli.Commands;

/// <summary>
/// Exit codes of import, validate, template, export and login (docs/cli.md): scripts tell "some rows refused" from
/// "could not run" and "log in again".
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything done: every row accepted or already present (validate: no problem found).</summary>
    public const int Ok = 0;

    /// <summary>Nothing done: bad arguments, unreadable file, no table of the kind, unreachable server.</summary>
    public const int Failed = 1;

    /// <summary>Done, but some rows were refused (validate: problems found); they are in the error workbook.</summary>
    public const int RowsRejected = 2;

    /// <summary>Not logged in, the session expired, or the client lacks the scope: run login, then the same command again.</summary>
    public const int NotAuthorized = 3;

    /// <summary>The services stopped answering mid-import; what was confirmed stays, a re-run goes on from there.</summary>
    public const int Unavailable = 4;

    /// <summary>Stopped by Ctrl-C; a re-run goes on from there.</summary>
    public const int Interrupted = 130;
}
