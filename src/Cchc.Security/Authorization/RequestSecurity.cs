using Grpc.Core;

namespace Cchc.Security.Authorization;

/// <summary>
/// The security context of the current gRPC call (scoped): the caller, the rule that admitted the call, and what the
/// audit entry will say (unit, target). Services whose unit is only known inside (a stored dossier's unit, each record
/// of an import) call <see cref="EnsureUnit"/>.
/// </summary>
public sealed class RequestSecurity
{
    private readonly HashSet<string> units = new(StringComparer.Ordinal);

    public Caller? Caller { get; internal set; }

    public GrpcRule? Rule { get; internal set; }

    public string? RequestId { get; internal set; }

    /// <summary>The record the call acts on (an id), for the audit entry.</summary>
    public string? TargetId { get; set; }

    /// <summary>The unit the audit entry names: the one unit checked, or "(n units)" for a call that touched several.</summary>
    public string? Unit => units.Count switch
    {
        0 => null,
        1 => units.First(),
        _ => $"({units.Count} đơn vị)",
    };

    /// <summary>Refuses (PermissionDenied naming the unit) unless the caller may act for <paramref name="unit"/>.</summary>
    public void EnsureUnit(string? unit, string field = "receiving_unit")
    {
        var caller = Caller ?? throw SecurityErrors.Unauthenticated();
        var normalized = Caller.NormalizeUnit(unit);
        if (units.Count < 1000 && normalized.Length > 0)
        {
            units.Add(normalized);
        }
        if (!caller.MayActFor(unit))
        {
            throw SecurityErrors.ForeignUnit(caller.ClientId, unit, field);
        }
    }

    /// <summary>Refuses unless the caller acts for every unit (<c>*</c>).</summary>
    public void EnsureProvince()
    {
        var caller = Caller ?? throw SecurityErrors.Unauthenticated();
        units.Add(SecurityScopes.AllUnits);
        if (!caller.AllUnits)
        {
            throw SecurityErrors.ProvinceOnly(caller.ClientId);
        }
    }

    internal static RequestSecurity Of(ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetService(typeof(RequestSecurity)) as RequestSecurity
        ?? throw new InvalidOperationException("RequestSecurity is not registered: call AddCchcGrpcSecurity.");
}
