using Pipeline.Core.Audit;

namespace Pipeline.Functions.Http;

/// <summary>One audit entry as the API shows it.</summary>
public sealed record AuditView(DateTimeOffset At, string Actor, string? ActorId, string ActorKind, string Action, string SubjectKind, string Subject, string? Detail)
{
    public static AuditView From(AuditEntry e) =>
        new(e.At, e.Actor.Name, e.Actor.ObjectId, e.Actor.Kind, e.Action, e.SubjectKind.ToString().ToLowerInvariant(), e.Subject, e.Detail);
}
