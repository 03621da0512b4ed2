using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Cchc.ServiceKit;

/// <summary>
/// The universal rules of the input domain, applied to every field of a request message by walking its protobuf
/// descriptor (nested messages, repeated fields, maps and the set case of a oneof included): every string well-formed
/// (<see cref="InputText"/>, line breaks admitted: whether a field is one line is its service's rule) and at most
/// <see cref="InputDomain.MaxStringLength"/> characters, then put in Unicode NFC in place; every enum value one the
/// contract defines; every double and float finite; every 64-bit integer within ±<see cref="InputDomain.MaxCount"/>;
/// every Timestamp a valid instant between <see cref="InputDomain.EarliestInstant"/> and the scheduling horizon.
/// Fields are named as the .proto names them ("attributes.name", "records[3].events[0].note").
/// </summary>
public sealed class RequestInspector(TimeProvider clock)
{
    /// <summary>At most this many violations are reported for one message (a hostile request may break every field).</summary>
    public const int MaxViolations = 20;

    private const int MaxDepth = 32;

    /// <summary>Adds the violations of <paramref name="message"/> to <paramref name="violations"/>, its fields named after <paramref name="prefix"/>.</summary>
    public void Inspect(IMessage message, string prefix, List<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(violations);
        var latest = InputDomain.LatestInstant(TimeKind.Scheduled, clock);
        Walk(message, prefix, violations, latest, 0);
    }

    /// <summary>The violations of <paramref name="message"/> (empty when it is inside the domain).</summary>
    public List<FieldViolation> Inspect(IMessage message, string prefix = "")
    {
        var violations = new List<FieldViolation>();
        Inspect(message, prefix, violations);
        return violations;
    }

    private static void Walk(IMessage message, string prefix, List<FieldViolation> violations, DateTimeOffset latest, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (violations.Count >= MaxViolations)
            {
                return;
            }
            var name = prefix + field.Name;
            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                var valueField = field.MessageType.FindFieldByNumber(2);
                foreach (var key in map.Keys.Cast<object>().ToList())
                {
                    var entry = $"{name}[{key}]";
                    Check(field.MessageType.FindFieldByNumber(1), key, entry, violations, latest, depth, _ => { });
                    Check(valueField, map[key], entry, violations, latest, depth, v => map[key] = v);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = 0; i < list.Count && violations.Count < MaxViolations; i++)
                {
                    var index = i;
                    Check(field, list[i], $"{name}[{i}]", violations, latest, depth, v => list[index] = v);
                }
            }
            else if (field.RealContainingOneof is { } oneof && oneof.Accessor.GetCaseFieldDescriptor(message) != field)
            {
                // Another case of the oneof (or none) is set: this field is not part of the request.
            }
            else
            {
                Check(field, field.Accessor.GetValue(message), name, violations, latest, depth, v => field.Accessor.SetValue(message, v));
            }
        }
    }

    private static void Check(FieldDescriptor field, object? value, string name, List<FieldViolation> violations, DateTimeOffset latest, int depth,
        Action<object> replace)
    {
        switch (field.FieldType)
        {
            case FieldType.String when value is string text:
                if (text.Length > InputDomain.MaxStringLength)
                {
                    violations.Add(new FieldViolation(name, KitMessages.TooLong(InputDomain.MaxStringLength)));
                }
                else if (InputText.Problem(text, multiLine: true) is { } problem)
                {
                    violations.Add(new FieldViolation(name, problem));
                }
                else if (InputText.Normalize(text) is var normalized && !ReferenceEquals(normalized, text))
                {
                    replace(normalized);
                }
                break;
            case FieldType.Enum when value is not null:
                if (field.EnumType.FindValueByNumber(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)) is null)
                {
                    violations.Add(new FieldViolation(name, KitMessages.BadEnum));
                }
                break;
            case FieldType.Double or FieldType.Float when value is not null:
                if (!double.IsFinite(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)))
                {
                    violations.Add(new FieldViolation(name, KitMessages.NonFinite));
                }
                break;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 when value is long number:
                if (number is < -InputDomain.MaxCount or > InputDomain.MaxCount)
                {
                    violations.Add(new FieldViolation(name, KitMessages.IntegerRange(InputDomain.MaxCount)));
                }
                break;
            case FieldType.UInt64 or FieldType.Fixed64 when value is ulong number:
                if (number > InputDomain.MaxCount)
                {
                    violations.Add(new FieldViolation(name, KitMessages.IntegerRange(InputDomain.MaxCount)));
                }
                break;
            case FieldType.Message when value is Timestamp timestamp:
                CheckInstant(timestamp, name, violations, latest);
                break;
            case FieldType.Message when value is IMessage nested:
                Walk(nested, name + ".", violations, latest, depth + 1);
                break;
        }
    }

    private static void CheckInstant(Timestamp timestamp, string name, List<FieldViolation> violations, DateTimeOffset latest)
    {
        if (!Instant.TryConvert(timestamp, out var instant))
        {
            violations.Add(new FieldViolation(name, KitMessages.BadInstant));
        }
        else if (instant < InputDomain.EarliestInstant)
        {
            violations.Add(new FieldViolation(name, KitMessages.InstantTooEarly));
        }
        else if (instant > latest)
        {
            violations.Add(new FieldViolation(name, KitMessages.InstantBeyondHorizon(Cchc.Contracts.VietnamCalendar.LocalDate(latest))));
        }
    }
}
