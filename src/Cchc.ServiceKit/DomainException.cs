namespace Cchc.ServiceKit;

/// <summary>One thing wrong with one field of a request, named as in the .proto (e.g. "records[12].due_at").</summary>
public sealed record FieldViolation(string Field, string Description)
{
    public override string ToString() => $"{Field}: {Description}";
}

/// <summary>How a broken rule is reported to the caller (mapped 1:1 to a gRPC status code).</summary>
public enum ErrorKind
{
    InvalidArgument,
    NotFound,
    AlreadyExists,
    FailedPrecondition,
    Aborted,
}

/// <summary>A request the domain refuses; nothing was written. The gRPC layer turns it into an RpcException.</summary>
public sealed class DomainException(ErrorKind kind, string message, IReadOnlyList<FieldViolation> violations) : Exception(message)
{
    public ErrorKind Kind { get; } = kind;

    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public static DomainException Invalid(IReadOnlyList<FieldViolation> violations) =>
        new(ErrorKind.InvalidArgument, Describe(violations), violations);

    public static DomainException Invalid(string field, string description) =>
        Invalid([new FieldViolation(field, description)]);

    public static DomainException Precondition(string field, string description) =>
        Of(ErrorKind.FailedPrecondition, field, description);

    public static DomainException Conflict(string field, string description) =>
        Of(ErrorKind.AlreadyExists, field, description);

    public static DomainException NotFound(string field, string description) =>
        Of(ErrorKind.NotFound, field, description);

    public static DomainException Aborted(string message) => new(ErrorKind.Aborted, message, []);

    private static DomainException Of(ErrorKind kind, string field, string description) =>
        new(kind, $"{field}: {description}", [new FieldViolation(field, description)]);

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        string.Join("; ", violations.Select(v => v.ToString()));
}
