using System.CommandLine;
using Cchc.Cli.Auth;
using Grpc.Net.Client;

namespace Cchc.Cli.Commands;

/// <summary>
/// Where the platform is and which session to use, shared by login, import, validate and export: the gateway's gRPC
/// and HTTP addresses (option, else the session's, else the local defaults) and the session folder.
/// </summary>
internal sealed class GatewayOptions
{
    public const string DefaultGrpc = "http://127.0.0.1:7400";
    public const string DefaultHttp = "http://127.0.0.1:7401";

    public Option<string?> Grpc { get; } = new("--grpc")
    {
        Description = $"Địa chỉ gRPC của cổng API (mặc định: địa chỉ đã dùng khi đăng nhập, hoặc {DefaultGrpc}).",
    };

    public Option<string?> Http { get; } = new("--http")
    {
        Description = $"Địa chỉ HTTP của cổng API (báo cáo, cấp mã truy cập; mặc định: địa chỉ đã dùng khi đăng nhập, hoặc {DefaultHttp}).",
    };

    public Option<string?> ConfigDir { get; } = new("--config-dir")
    {
        Description = $"Thư mục lưu phiên đăng nhập (mặc định ${SessionStore.ConfigVariable}, hoặc ~/.config/cchc).",
    };

    public IEnumerable<Option> All => [Grpc, Http, ConfigDir];

    public string Directory(ParseResult parse) => SessionStore.Directory(parse.GetValue(ConfigDir));

    public Uri GrpcAddress(ParseResult parse, Session? session) =>
        Addresses.Parse(parse.GetValue(Grpc) ?? session?.Grpc ?? DefaultGrpc, "--grpc");

    public Uri HttpAddress(ParseResult parse, Session? session) =>
        Addresses.Parse(parse.GetValue(Http) ?? session?.Http ?? DefaultHttp, "--http");

    /// <summary>The saved session, or "log in first" (exit code 3).</summary>
    public Session RequireSession(ParseResult parse) =>
        SessionStore.Load(Directory(parse))
        ?? throw new NotLoggedInException($"chưa đăng nhập (không có {SessionStore.FileIn(Directory(parse))}): chạy \"cchc login --client-id …\" trước");

    /// <summary>A gRPC channel to the gateway whose calls carry the session's token.</summary>
    public static GrpcChannel Channel(Uri address, SessionTokens tokens) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        MaxSendMessageSize = 16 * 1024 * 1024,
        MaxReceiveMessageSize = 64 * 1024 * 1024,
        HttpHandler = new SessionTokenHandler(tokens, new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        }),
    });
}
