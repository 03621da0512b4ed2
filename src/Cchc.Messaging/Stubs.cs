// TEMPORARY stubs so the solution compiles while the building block is written; replaced by the real implementation.
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Cchc.Messaging;

public static partial class MessagingModelBuilderExtensions
{
    public static partial ModelBuilder AddOutbox(this ModelBuilder modelBuilder) => throw new NotImplementedException();
    public static partial ModelBuilder AddInbox(this ModelBuilder modelBuilder) => throw new NotImplementedException();
}

public static partial class Outbox
{
    public static partial void AddIntegrationEvent<TEvent>(this DbContext db, TEvent @event) where TEvent : class => throw new NotImplementedException();
    public static partial Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<object> events, CancellationToken cancellationToken) => throw new NotImplementedException();
}

public static partial class Inbox
{
    public static partial Task<bool> HandleOnceAsync<TDbContext>(this TDbContext db, ConsumeContext context, string consumer, Func<CancellationToken, Task> apply)
        where TDbContext : DbContext => throw new NotImplementedException();
}

public static partial class MessagingRegistration
{
    public static partial IHostApplicationBuilder AddCchcMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure) => throw new NotImplementedException();
    public static partial IServiceCollection AddOutboxRelay<TDbContext>(this IServiceCollection services) where TDbContext : DbContext => throw new NotImplementedException();
}
