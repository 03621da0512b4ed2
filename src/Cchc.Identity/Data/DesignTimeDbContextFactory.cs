using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cchc.Identity.Data;

/// <summary>For `dotnet ef migrations add`: builds the model (with OpenIddict's entities) without a database or the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__identitydb") ?? "Host=localhost;Database=identitydb;Username=postgres")
            .UseOpenIddict()
            .Options);
}
