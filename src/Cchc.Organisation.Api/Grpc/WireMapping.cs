using Cchc.Organisation.Api.Domain;
using Cchc.ServiceKit;
using C = Cchc.Contracts.Events.Organisation;

namespace Cchc.Organisation.Api.Grpc;

/// <summary>Domain state to wire messages (enum numbers are shared by the contract and the proto).</summary>
internal static class WireMapping
{
    public static Unit ToWire(UnitState state, DateOnly asOf)
    {
        var unit = new Unit
        {
            UnitCode = state.Code,
            OfficialCode = state.OfficialCode ?? string.Empty,
            Revision = state.Revision,
            EndedBy = (ChangeKind)state.EndedBy,
        };
        unit.Periods.AddRange(state.History.Select(ToWire));
        if (state.On(asOf) is { } current)
        {
            unit.OnDay = ToWire(current);
        }
        return unit;
    }

    public static UnitPeriod ToWire(PeriodState p)
    {
        var period = new UnitPeriod
        {
            From = IsoDate.Format(p.From),
            To = IsoDate.Format(p.To),
            Name = p.Name,
            Kind = (UnitKind)p.Kind,
            ParentCode = p.ParentCode ?? string.Empty,
            Sector = (PublicServiceSector)p.Sector,
            BeganBy = (ChangeKind)p.BeganBy,
        };
        period.SuccessorCodes.AddRange(p.Successors);
        return period;
    }

    public static C.UnitKind ToContract(UnitKind kind) => (C.UnitKind)kind;
}
