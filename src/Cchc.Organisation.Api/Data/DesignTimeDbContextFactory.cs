using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cchc.Organisation.Api.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without a database or the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OrganisationDbContext>
{
    public OrganisationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OrganisationDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__organisationdb") ?? "Host=localhost;Database=organisationdb;Username=postgres")
            .Options);
}
