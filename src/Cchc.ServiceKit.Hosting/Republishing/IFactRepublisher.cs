namespace Cchc.ServiceKit.Hosting.Republishing;

/// <summary>
/// A domain service's current state as the integration events it already publishes, for a rebuild of the reporting read
/// model (docs/adr/0040-rebuilding-the-read-model.md). Named in the definition (<see cref="DomainService{TDbContext}.Republish"/>);
/// resolved in the scope of the template's RebuildRequested consumer, with the service's DbContext.
/// </summary>
/// <remarks>
/// Each yielded page is one event carrying at most <see cref="FactPages.Size"/> records, with their current versions (the
/// versions the service last published: republishing changes nothing of the service's own data). Read each page
/// completely (<see cref="FactPages"/>, no tracking) before yielding it: the template writes it to the outbox on the same
/// context between two pages.
/// </remarks>
public interface IFactRepublisher
{
    IAsyncEnumerable<RepublishedPage> PagesAsync(CancellationToken cancellationToken);
}

/// <summary>One page: the event to publish and how many records it carries.</summary>
public sealed record RepublishedPage(object Event, int Records);
