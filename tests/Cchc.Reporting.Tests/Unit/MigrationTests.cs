using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Tests.Unit;

public sealed class MigrationTests
{
    [Fact]
    public void Model_HasNoChangesMissingFromTheMigrations()
    {
        // Also catches a change of the shared inbox mapping (Cchc.Messaging) that this service's migrations lack.
        using var db = new ReportingDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "run dotnet-ef migrations add for Cchc.Reporting.Api");
    }
}
