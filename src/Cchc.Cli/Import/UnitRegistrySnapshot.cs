using System.Globalization;
using System.Text;
using Cchc.Organisation.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Import;

/// <summary>
/// Every unit of the organisation registry with its dated periods, read once through its public read API
/// (UnitRegistryService.ListUnits without a day: every unit ever, with its history), answering the question the
/// services ask of every fact: did the unit named (by a name it had that day, or by its code) exist on that day?
/// </summary>
internal sealed class UnitRegistrySnapshot
{
    private readonly ILookup<string, (DateOnly From, DateOnly? To)> byName;
    private readonly ILookup<string, (DateOnly From, DateOnly? To)> byCode;

    private UnitRegistrySnapshot(IEnumerable<(string Code, string Name, DateOnly From, DateOnly? To)> periods)
    {
        var all = periods.ToList();
        byName = all.ToLookup(p => Normalize(p.Name), p => (p.From, p.To), StringComparer.Ordinal);
        byCode = all.ToLookup(p => Normalize(p.Code), p => (p.From, p.To), StringComparer.Ordinal);
        Units = all.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count();
    }

    public int Units { get; }

    public static async Task<UnitRegistrySnapshot> LoadAsync(CallInvoker calls, CancellationToken cancellation)
    {
        var client = new UnitRegistryService.UnitRegistryServiceClient(calls);
        var periods = new List<(string, string, DateOnly, DateOnly?)>();
        var token = string.Empty;
        do
        {
            var page = await client.ListUnitsAsync(new ListUnitsRequest { PageSize = 500, PageToken = token }, cancellationToken: cancellation);
            foreach (var unit in page.Units)
            {
                foreach (var period in unit.Periods)
                {
                    periods.Add((unit.UnitCode, period.Name, ParseDay(period.From), period.To.Length == 0 ? null : ParseDay(period.To)));
                }
            }
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return new UnitRegistrySnapshot(periods);
    }

    internal static UnitRegistrySnapshot Of(IEnumerable<(string Code, string Name, DateOnly From, DateOnly? To)> periods) => new(periods);

    public bool Existed(string unit, DateOnly day)
    {
        var key = Normalize(unit);
        return byName[key].Any(p => Covers(p, day)) || byCode[key].Any(p => Covers(p, day));
    }

    /// <summary>Why a unit is refused on a day, in Vietnamese (with the days it existed when it is known at all).</summary>
    public string Refusal(string unit, DateOnly day)
    {
        var key = Normalize(unit);
        var periods = byName[key].Any() ? byName[key].ToList() : byCode[key].ToList();
        var text = $"đơn vị \"{key}\" không tồn tại vào ngày {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
        if (periods.Count == 0)
        {
            return text + ": không có trong danh mục đơn vị của Sở Nội vụ";
        }
        var spans = periods.OrderBy(p => p.From).Select(p => p.To is { } to
            ? $"từ {p.From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} đến {to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"
            : $"từ {p.From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        return $"{text} (đơn vị mang tên này {string.Join(", ", spans)})";
    }

    private static bool Covers((DateOnly From, DateOnly? To) period, DateOnly day) => period.From <= day && (period.To is null || period.To >= day);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Normalize(string text) => text.Trim().Normalize(NormalizationForm.FormC);
}
