using Microsoft.EntityFrameworkCore;

namespace Cchc.ServiceKit.Hosting;

/// <summary>
/// A domain service's entry point (its <c>Program</c>), which carries its <see cref="DomainService{TDbContext}"/>
/// definition: the test host (Cchc.Testing's DomainServiceHost) hosts the service and migrates its database through it.
/// </summary>
public interface IDomainServiceProgram<TDbContext> where TDbContext : DbContext
{
    static abstract DomainService<TDbContext> Definition { get; }
}
