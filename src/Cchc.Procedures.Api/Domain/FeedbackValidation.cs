using Wire = Cchc.Procedures.Api.Grpc;

namespace Cchc.Procedures.Api.Domain;

/// <summary>Checks feedback requests; INVALID_ARGUMENT with field violations otherwise.</summary>
public static class FeedbackValidation
{
    public const int MaxSubjectLength = 500;

    public static FeedbackFacts Receive(Wire.ReceiveFeedbackRequest request)
    {
        var v = new Validator();
        var id = v.Code("feedback_id", request.FeedbackId);
        var code = v.Code("procedure_code", request.ProcedureCode, required: false);
        var subject = v.Text("subject", request.Subject, MaxSubjectLength);
        var receivedAt = v.Instant("received_at", request.ReceivedAt);
        v.ThrowIfInvalid();
        return new FeedbackFacts(id, code.Length == 0 ? null : code, subject, receivedAt!.Value, null, null);
    }

    public static (string FeedbackId, DateTimeOffset At) Step(Wire.FeedbackStepRequest request)
    {
        var v = new Validator();
        var id = v.Code("feedback_id", request.FeedbackId);
        var at = v.Instant("at", request.At);
        v.ThrowIfInvalid();
        return (id, at!.Value);
    }

    public static string Get(Wire.GetFeedbackRequest request)
    {
        var v = new Validator();
        var id = v.Code("feedback_id", request.FeedbackId);
        v.ThrowIfInvalid();
        return id;
    }

    public static (int PageSize, string? After) List(Wire.ListFeedbackRequest request)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var after = PageToken.Decode(request.PageToken, Fingerprint, v);
        v.ThrowIfInvalid();
        return (pageSize, after);
    }

    /// <summary>ListFeedback has no filter: every token belongs to the one query.</summary>
    public const string Fingerprint = "feedback";
}
