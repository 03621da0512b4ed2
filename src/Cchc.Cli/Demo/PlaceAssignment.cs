using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>
/// Splits a period's procedures in force into (level, receiving place) cells whose row sums are the
/// levels' counts and whose column sums are the places' counts. Places are not tied to levels: where a
/// one-stop shop receives more procedures than its level has, the surplus comes from the level above
/// (district procedures received at commune one-stop shops, province procedures at district ones);
/// procedures a place cannot take are received elsewhere (<see cref="ReceivingPlace.Other"/>).
/// </summary>
internal static class PlaceAssignment
{
    public static Dictionary<(GovernmentLevel Level, ReceivingPlace Place), int> For(int period)
    {
        int province = DemoTargets.ProceduresInForce[GovernmentLevel.Province][period];
        int district = DemoTargets.ProceduresInForce[GovernmentLevel.District][period];
        int commune = DemoTargets.ProceduresInForce[GovernmentLevel.Commune][period];
        int centre = DemoTargets.ProceduresByPlace[ReceivingPlace.ProvincialCentre][period];
        int districtDesk = DemoTargets.ProceduresByPlace[ReceivingPlace.DistrictOneStop][period];
        int communeDesk = DemoTargets.ProceduresByPlace[ReceivingPlace.CommuneOneStop][period];

        var cells = new Dictionary<(GovernmentLevel, ReceivingPlace), int>();
        foreach (var level in DemoTargets.Levels)
        {
            foreach (var place in Places) cells[(level, place)] = 0;
        }
        void Set(GovernmentLevel level, ReceivingPlace place, int n)
        {
            if (n < 0) throw new InvalidOperationException($"Period {period}: no assignment of places to levels exists ({level}, {place}: {n}).");
            cells[(level, place)] = n;
        }

        var communeAtCommuneDesk = Math.Min(commune, communeDesk);
        Set(GovernmentLevel.Commune, ReceivingPlace.CommuneOneStop, communeAtCommuneDesk);
        Set(GovernmentLevel.Commune, ReceivingPlace.Other, commune - communeAtCommuneDesk);

        var districtAtCommuneDesk = Math.Min(district, communeDesk - communeAtCommuneDesk);
        var districtLeft = district - districtAtCommuneDesk;
        var districtAtDistrictDesk = Math.Min(districtLeft, districtDesk);
        Set(GovernmentLevel.District, ReceivingPlace.CommuneOneStop, districtAtCommuneDesk);
        Set(GovernmentLevel.District, ReceivingPlace.DistrictOneStop, districtAtDistrictDesk);
        Set(GovernmentLevel.District, ReceivingPlace.Other, districtLeft - districtAtDistrictDesk);

        var provinceAtCommuneDesk = communeDesk - communeAtCommuneDesk - districtAtCommuneDesk;
        var provinceAtDistrictDesk = districtDesk - districtAtDistrictDesk;
        Set(GovernmentLevel.Province, ReceivingPlace.ProvincialCentre, centre);
        Set(GovernmentLevel.Province, ReceivingPlace.DistrictOneStop, provinceAtDistrictDesk);
        Set(GovernmentLevel.Province, ReceivingPlace.CommuneOneStop, provinceAtCommuneDesk);
        Set(GovernmentLevel.Province, ReceivingPlace.Other, province - centre - provinceAtDistrictDesk - provinceAtCommuneDesk);
        return cells;
    }

    public static readonly ReceivingPlace[] Places =
        [ReceivingPlace.ProvincialCentre, ReceivingPlace.DistrictOneStop, ReceivingPlace.CommuneOneStop, ReceivingPlace.Other];
}
