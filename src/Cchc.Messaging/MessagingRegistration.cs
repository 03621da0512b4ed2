using Cchc.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cchc.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// MassTransit over RabbitMQ from connection string "messaging" (amqp://user:pass@host:port/vhost):
    /// kebab-case endpoints, retry with exponential back-off, faulted messages to the queue's _error
    /// queue, publisher confirms, a health check. <paramref name="configure"/> adds consumers.
    /// </summary>
    /// <remarks>
    /// <para>Every receive endpoint configured by convention gets <c>UseMessageRetry</c> (exponential; by default 5
    /// retries from 200 ms to 10 s); a message still failing then goes to <c>&lt;queue&gt;_error</c> (MassTransit's
    /// default, left on). Do not add another retry in a ConsumerDefinition (they would nest).</para>
    /// <para>Endpoints default to a prefetch of 128 and at most 32 messages handled at once; a ConsumerDefinition may
    /// set its own. Settings: configuration section "Messaging" (<see cref="MessagingOptions"/>).</para>
    /// <para>MassTransit registers its bus health check (tags "ready", "masstransit"), which /health reports. Works
    /// with no consumers (a publish-only service). Publishing code should not call IPublishEndpoint directly for
    /// integration events: write them to the outbox (<see cref="Outbox.AddIntegrationEvent{TEvent}"/>).</para>
    /// <para>MassTransit's usage telemetry (since 8.4 it posts the bus configuration to an outside address a few
    /// minutes after start) is turned off: a service talks only to the servers it is configured with
    /// (docs/security.md). Only an operator's explicit <c>MASSTRANSIT_USAGE_TELEMETRY=true</c> would turn it back on.</para>
    /// </remarks>
    public static IHostApplicationBuilder AddCchcMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.Messaging);
        if (string.IsNullOrWhiteSpace(connectionString) || !Uri.TryCreate(connectionString, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ResourceNames.Messaging} must be an AMQP URI (amqp://user:password@host:port/vhost); found '{connectionString}'.");
        }
        var connectionName = builder.Environment.ApplicationName;
        var settings = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();

        builder.Services.AddMassTransit(bus =>
        {
            // configure runs first: MassTransit keeps the first endpoint name formatter registered, so a caller's
            // own formatter (e.g. a test's queue prefix) wins over the kebab-case default.
            configure?.Invoke(bus);
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Exponential(
                    settings.RetryLimit, settings.RetryMinInterval, settings.RetryMaxInterval, settings.RetryMinInterval));
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(uri, host =>
                {
                    var (user, password) = Credentials(uri);
                    if (user is not null)
                    {
                        host.Username(user);
                        host.Password(password ?? string.Empty);
                    }
                    host.PublisherConfirmation = true;
                    host.ConnectionName(connectionName);
                });
                // Bus-level defaults: a ConsumerDefinition's own PrefetchCount / ConcurrentMessageLimit still wins.
                rabbit.PrefetchCount = settings.PrefetchCount;
                rabbit.ConcurrentMessageLimit = settings.ConcurrentMessageLimit;
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// Runs the relay that publishes <typeparamref name="TDbContext"/>'s outbox rows and marks them sent
    /// (options: section "Messaging:Outbox", see <see cref="OutboxRelayOptions"/>). Also adds
    /// <see cref="OutboxNotificationInterceptor"/> to the context's options, so commits wake the relay at once:
    /// call it after registering the DbContext (AddDbContext / AddNpgsqlDbContext). Needs <see cref="AddCchcMessaging"/>.
    /// </summary>
    public static IServiceCollection AddOutboxRelay<TDbContext>(this IServiceCollection services) where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OutboxRelayOptions>().BindConfiguration(OutboxRelayOptions.SectionName);
        services.ConfigureDbContext<TDbContext>(options => options.UseOutboxNotifications());
        services.AddHostedService<OutboxRelay<TDbContext>>();
        return services;
    }

    private static (string? User, string? Password) Credentials(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return (null, null);
        }
        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null);
    }
}
