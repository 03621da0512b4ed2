using Xunit;

namespace Cchc.Testing;

/// <summary>
/// A private RabbitMQ node for a test run (Debian package <c>rabbitmq-server</c>, run as the current user with
/// its own HOME, Mnesia, log and pid files, a unique node name, a free AMQP port and a free distribution port).
/// <see cref="StopAsync"/> shuts the broker down (a real outage: connections drop, the port closes) and
/// <see cref="StartAsync"/> brings it back on the same port with the same data. Dispose stops it and deletes its
/// files. Start ≈ 6 s: share one node per test collection.
/// </summary>
public sealed class RabbitMqNode : IAsyncLifetime, IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/rabbitmq/bin";
    private const string InstallHint = "apt-get install -y --no-install-recommends rabbitmq-server";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private Dictionary<string, string> _environment = [];
    private string _baseDirectory = string.Empty;
    private string _pidFile = string.Empty;
    private bool _disposed;

    /// <summary>Erlang node name, unique per instance (e.g. <c>cchc-test-1a2b3c4d@localhost</c>).</summary>
    public string NodeName { get; private set; } = string.Empty;

    /// <summary>AMQP port on 127.0.0.1; the same across <see cref="StopAsync"/>/<see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary><c>amqp://guest:guest@127.0.0.1:PORT/</c> (guest may connect over loopback).</summary>
    public Uri AmqpUri => new($"amqp://guest:guest@127.0.0.1:{Port}/");

    /// <summary>True between a successful start and a stop.</summary>
    public bool IsRunning { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "rabbitmq-server")))
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not installed ({BinDirectory}/rabbitmq-server is missing). Install it with: {InstallHint}");
        }

        var id = Guid.NewGuid().ToString("N")[..8];
        _baseDirectory = Path.Combine("/tmp", "cchc-rmq-" + id);
        Directory.CreateDirectory(_baseDirectory);
        _pidFile = Path.Combine(_baseDirectory, "rabbit.pid");
        NodeName = $"cchc-test-{id}@localhost";
        ProcessExitCleanup.Register(this, () => ShutdownAsync().GetAwaiter().GetResult());

        await File.WriteAllTextAsync(Path.Combine(_baseDirectory, "enabled_plugins"), "[].\n").ConfigureAwait(false);
        // Test broker: no disk/memory alarms on a busy build machine.
        await File.WriteAllTextAsync(Path.Combine(_baseDirectory, "rabbitmq.conf"),
            "disk_free_limit.absolute = 1MB\nvm_memory_high_watermark.relative = 0.8\nlog.console = false\n").ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            _environment = BuildEnvironment(FreePort.Next());
            try
            {
                await StartAsync().ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // A port taken meanwhile: stop whatever half-started and try new ports.
                await ShutdownAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts the node (again) on the same ports and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (IsRunning)
            {
                return;
            }
            File.Delete(_pidFile);
            // -detached returns at once; its output goes to a file so no daemon holds our pipes.
            await ExternalProcess.RunAsync("/bin/sh",
                ["-c", $"exec {BinDirectory}/rabbitmq-server -detached >>'{_baseDirectory}/startup.log' 2>&1"],
                TimeSpan.FromSeconds(60), _environment).ConfigureAwait(false);
            try
            {
                // 'wait' (not await_startup, which exits 69 before the node exists) returns once the app runs.
                await Ctl(["wait", "--timeout", "60", _pidFile], TimeSpan.FromSeconds(90)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"RabbitMQ node {NodeName} (port {Port}) did not start: {ex.Message}{Environment.NewLine}{ReadLogTail()}", ex);
            }
            IsRunning = true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Shuts the broker down and waits until the node has exited: clients see a real outage.</summary>
    public async Task StopAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await ShutdownAsync().ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            await ShutdownAsync().ConfigureAwait(false);
            ProcessExitCleanup.Unregister(this);
            try
            {
                if (_baseDirectory.Length > 0)
                {
                    Directory.Delete(_baseDirectory, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync().ConfigureAwait(false);

    /// <summary>Runs a <c>rabbitmqctl</c> command against this node (e.g. <c>list_queues name messages</c>) and returns its output.</summary>
    public Task<string> CtlAsync(params string[] arguments) => Ctl(arguments, TimeSpan.FromSeconds(60));

    private async Task ShutdownAsync()
    {
        if (_environment.Count == 0 || !File.Exists(_pidFile))
        {
            IsRunning = false;
            return;
        }
        // 'shutdown' waits for the node's OS process to exit. Errors mean the node is not running.
        await Ctl(["shutdown"], TimeSpan.FromSeconds(60), throwOnError: false).ConfigureAwait(false);
        File.Delete(_pidFile);
        IsRunning = false;
    }

    private Task<string> Ctl(IEnumerable<string> arguments, TimeSpan timeout, bool throwOnError = true) =>
        ExternalProcess.RunAsync(Path.Combine(BinDirectory, "rabbitmqctl"), ["-n", NodeName, .. arguments], timeout, _environment, throwOnError);

    private Dictionary<string, string> BuildEnvironment(int distributionPort) => new()
    {
        ["HOME"] = _baseDirectory, // the Erlang cookie lives here, shared by the server and rabbitmqctl
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_baseDirectory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(_baseDirectory, "log"),
        ["RABBITMQ_PID_FILE"] = _pidFile,
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_baseDirectory, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_baseDirectory, "rabbitmq"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_baseDirectory, "advanced.config"),
    };

    private string ReadLogTail()
    {
        try
        {
            var lines = Directory.EnumerateFiles(_baseDirectory, "*.log", SearchOption.AllDirectories)
                .SelectMany(f => File.ReadLines(f).TakeLast(20).Select(l => $"{Path.GetFileName(f)}: {l}"));
            return string.Join(Environment.NewLine, lines);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
