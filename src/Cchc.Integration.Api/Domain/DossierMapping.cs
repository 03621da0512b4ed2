using System.Globalization;
using System.Text.Json;
using Cchc.Contracts;
using Cchc.Procedures.Api.Grpc;
using Cchc.ServiceKit;

namespace Cchc.Integration.Api.Domain;

/// <summary>A field of the source format and what is wrong with it (the description in Vietnamese).</summary>
public sealed record RecordError(string Field, string Message);

/// <summary>A DongBoHoSoMC record mapped to the procedures service's dossier.</summary>
public sealed record MappedDossier(
    string DossierCode,
    string ProcedureCode,
    string ReceivingUnit,
    GovernmentLevel UnitLevel,
    DossierChannel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DossierStatus Status,
    DateTimeOffset? ClosedAt,
    string SourceStatus,
    bool ProcessedElectronically);

/// <summary>A CapNhatTienDoHoSoMC record: the dossier's new status from a moment on.</summary>
public sealed record MappedProgress(string DossierCode, DossierStatus Status, DateTimeOffset At, string SourceStatus);

/// <summary>
/// The mapping of the one-stop-shop systems' dossier formats (docs/integration.md, "The mapping"): every field checked,
/// every problem named by its source field, nothing mapped when anything is wrong. What it accepts the procedures service
/// accepts too: codes without blanks up to 64 characters, units up to 200, days from 2/9/1945 to a year after today.
/// </summary>
public sealed class DossierMapping(DossierMappingOptions options, TimeProvider clock)
{
    public const int MaxUnitLength = 200;
    public const string TimeFormat = "yyyyMMddHHmmss";

    public static bool IsClosed(DossierStatus status) =>
        status is DossierStatus.Resolved or DossierStatus.Returned or DossierStatus.Withdrawn;

    public (MappedDossier? Dossier, IReadOnlyList<RecordError> Errors) MapDossier(JsonElement record)
    {
        var r = new RecordReader(record, this);
        if (!r.IsObject)
        {
            return (null, [new RecordError("data", IntegrationMessages.NotAnObject)]);
        }
        var code = r.Code("MaHoSo");
        var procedure = r.Code("MaTTHC");
        var unitName = r.Text("DonViXuLy", MaxUnitLength);
        var channel = r.Lookup("HinhThuc", options.Channels, IntegrationMessages.UnknownChannel, required: false) ?? DossierChannel.InPerson;
        var sourceStatus = r.Raw("TrangThaiHoSo");
        var status = r.Lookup("TrangThaiHoSo", options.Statuses, IntegrationMessages.UnknownStatus);
        var received = r.Time("NgayTiepNhan");
        var due = r.Time("NgayHenTra");
        var finished = r.Time("NgayKetThucXuLy", required: false);
        var returned = r.Time("NgayTra", required: false);
        if (received is not null && due is not null && due <= received)
        {
            r.Add("NgayHenTra", IntegrationMessages.DueBeforeReceived);
        }
        DateTimeOffset? closedAt = null;
        if (status is { } s && IsClosed(s))
        {
            // Processing finished (NgayKetThucXuLy) is the closing instant; a system that only sends the return day has NgayTra.
            closedAt = finished ?? returned;
            if (closedAt is null && !r.HasError("NgayKetThucXuLy") && !r.HasError("NgayTra"))
            {
                r.Add("NgayKetThucXuLy", IntegrationMessages.ClosedWithoutTime("NgayKetThucXuLy"));
            }
            else if (closedAt < received)
            {
                r.Add(finished is not null ? "NgayKetThucXuLy" : "NgayTra", IntegrationMessages.ClosedBeforeReceived);
            }
        }
        if (r.Errors.Count > 0)
        {
            return (null, r.Errors);
        }
        var unit = options.Units.GetValueOrDefault(unitName!, unitName!);
        return (new MappedDossier(code!, options.ProcedureCodes.GetValueOrDefault(procedure!, procedure!), unit, LevelOf(unit),
            channel, received!.Value, due!.Value, status!.Value, closedAt, sourceStatus!, options.ProcessedElectronically), []);
    }

    public (MappedProgress? Progress, IReadOnlyList<RecordError> Errors) MapProgress(JsonElement record)
    {
        var r = new RecordReader(record, this);
        if (!r.IsObject)
        {
            return (null, [new RecordError("data", IntegrationMessages.NotAnObject)]);
        }
        var code = r.Code("MaHoSo");
        var sourceStatus = r.Raw("TrangThai");
        var status = r.Lookup("TrangThai", options.Statuses, IntegrationMessages.UnknownStatus);
        var at = r.Time("ThoiDiemXuLy");
        return r.Errors.Count > 0
            ? (null, r.Errors)
            : (new MappedProgress(code!, status!.Value, at!.Value, sourceStatus!), []);
    }

    /// <summary>The level of a unit by the longest prefix of its name in <see cref="DossierMappingOptions.UnitLevelPrefixes"/>.</summary>
    public GovernmentLevel LevelOf(string unit) =>
        options.UnitLevelPrefixes
            .Where(p => unit.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => (GovernmentLevel?)p.Value)
            .FirstOrDefault() ?? GovernmentLevel.Province;

    /// <summary>A <see cref="TimeFormat"/> string in Vietnam time; null and an error when it is not one, or outside the accepted days.</summary>
    internal DateTimeOffset? ParseTime(string value, out string? error)
    {
        error = null;
        if (value.Length != TimeFormat.Length
            || !DateTime.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = IntegrationMessages.BadTime;
            return null;
        }
        // The template's input domain (docs/adr/0015): from 2/9/1945 to today + its horizon. Instants that must not lie
        // ahead (a dossier received or closed) are refused by the procedures service, named by their source field.
        var day = DateOnly.FromDateTime(local);
        if (!InputDomain.Contains(day, TimeKind.Scheduled, clock))
        {
            error = IntegrationMessages.OutOfRange(InputDomain.EarliestDay, InputDomain.LatestDay(TimeKind.Scheduled, clock));
            return null;
        }
        // Stored and sent as UTC instants (timestamptz takes only offset 0).
        return new DateTimeOffset(local, VietnamCalendar.Offset).ToUniversalTime();
    }

    /// <summary>Reads one record's fields, collecting every problem (a record is refused naming all its wrong fields).</summary>
    private sealed class RecordReader(JsonElement record, DossierMapping mapping)
    {
        public List<RecordError> Errors { get; } = [];

        public bool IsObject => record.ValueKind == JsonValueKind.Object;

        public void Add(string field, string message) => Errors.Add(new RecordError(field, message));

        public bool HasError(string field) => Errors.Any(e => e.Field == field);

        /// <summary>The field as text (strings as they are, numbers as written); null when absent, null or empty.</summary>
        public string? Raw(string field)
        {
            if (!record.TryGetProperty(field, out var value))
            {
                return null;
            }
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s.Trim() : null,
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => "\u0000",
            };
        }

        private string? Present(string field, bool required)
        {
            var raw = Raw(field);
            if (raw == "\u0000")
            {
                Add(field, IntegrationMessages.NotText);
                return null;
            }
            if (raw is null && required)
            {
                Add(field, IntegrationMessages.Required);
            }
            return raw;
        }

        public string? Code(string field)
        {
            var value = Present(field, required: true);
            if (value is null)
            {
                return null;
            }
            if (value.Length > InputDomain.MaxCodeLength)
            {
                Add(field, IntegrationMessages.TooLong(InputDomain.MaxCodeLength));
                return null;
            }
            if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                Add(field, IntegrationMessages.CodeCharacters);
                return null;
            }
            return value;
        }

        public string? Text(string field, int maxLength)
        {
            var value = Present(field, required: true);
            if (value is not null && (value.Length > maxLength || value.Any(char.IsControl)))
            {
                Add(field, value.Length > maxLength ? IntegrationMessages.TooLong(maxLength) : IntegrationMessages.CodeCharacters);
                return null;
            }
            return value;
        }

        public T? Lookup<T>(string field, Dictionary<string, T> table, Func<string, string> unknown, bool required = true) where T : struct
        {
            var value = Present(field, required);
            if (value is null)
            {
                return null;
            }
            if (!table.TryGetValue(value, out var mapped))
            {
                Add(field, unknown(value));
                return null;
            }
            return mapped;
        }

        public DateTimeOffset? Time(string field, bool required = true)
        {
            var value = Present(field, required);
            if (value is null)
            {
                return null;
            }
            var parsed = mapping.ParseTime(value, out var error);
            if (error is not null)
            {
                Add(field, error);
            }
            return parsed;
        }
    }
}
