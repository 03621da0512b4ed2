using System.CommandLine;
using Cchc.Cli.Auth;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>login</c>: obtains an access token by client credentials from the configured token service and keeps it, with
/// the gateway's addresses, in the session file (owner-only, 0600) the other commands use.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var gateway = new GatewayOptions();
        var clientId = new Option<string>("--client-id")
        {
            Description = "Mã ứng dụng (client) được Sở Thông tin và Truyền thông cấp, ví dụ tam-duong.",
            Required = true,
        };
        var secret = new Option<string?>("--client-secret")
        {
            Description = $"Mật khẩu của ứng dụng (hoặc biến môi trường {ClientCredentials.SecretVariable}, hoặc --clients-file). Không được lưu lại.",
        };
        var clientsFile = new Option<string?>("--clients-file")
        {
            Description = "Tệp clients.json nền tảng sinh ra ($CCHC_DATA_DIR/identity/clients.json): đọc mật khẩu từ đó; đường dẫn được nhớ để tự lấy mã mới khi hết hạn.",
        };
        var tokenUrl = new Option<string?>("--token-url")
        {
            Description = "Địa chỉ cấp mã truy cập (OAuth2 client credentials); mặc định <địa chỉ HTTP>/connect/token.",
        };
        var scope = new Option<string?>("--scope")
        {
            Description = "Các quyền xin cấp, cách nhau bằng dấu cách (mặc định: mọi quyền của ứng dụng).",
        };
        var command = new Command("login", "Đăng nhập: lấy mã truy cập của ứng dụng (client credentials) và lưu phiên "
            + "(chỉ chủ sở hữu đọc được, quyền 0600) cho các lệnh import, validate, export. Mã có hiệu lực 15 phút; "
            + "nếu mật khẩu lấy từ --clients-file hoặc biến môi trường, các lệnh tự lấy mã mới khi hết hạn.")
        {
            clientId, secret, clientsFile, tokenUrl, scope,
        };
        foreach (var option in gateway.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellation) => SpreadsheetCommandRunner.RunAsync(error, async () =>
        {
            var directory = gateway.Directory(parse);
            var previous = SessionStore.Load(directory);
            var http = gateway.HttpAddress(parse, previous);
            var grpc = gateway.GrpcAddress(parse, previous);
            var tokenAddress = Addresses.Parse(parse.GetValue(tokenUrl) ?? new Uri(http, "/connect/token").ToString(), "--token-url");
            var file = parse.GetValue(clientsFile) is { Length: > 0 } f ? Path.GetFullPath(f) : null;
            var request = ClientCredentials.Resolve(tokenAddress, parse.GetValue(clientId)!, parse.GetValue(secret), file, parse.GetValue(scope))
                ?? throw new CommandFailedException(
                    $"chưa có mật khẩu của ứng dụng '{parse.GetValue(clientId)}': dùng --client-secret, biến {ClientCredentials.SecretVariable} hoặc --clients-file");
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var source = new ClientCredentialTokens(client, request, TimeProvider.System);
            var token = await source.GetAsync(cancellation);
            var session = new Session(tokenAddress.ToString(), request.ClientId, grpc.ToString(), http.ToString(), token, source.ExpiresAt, file, request.Scope);
            var path = SessionStore.Save(directory, session);
            var (scopes, units) = TokenClaims.Read(token);
            await output.WriteLineAsync($"Đã đăng nhập: ứng dụng {request.ClientId}, mã truy cập hiệu lực đến "
                + $"{source.ExpiresAt.ToOffset(TimeSpan.FromHours(7)):HH:mm:ss dd/MM/yyyy} (giờ Việt Nam).");
            if (scopes.Length > 0)
            {
                await output.WriteLineAsync($"  quyền: {scopes}");
            }
            if (units.Length > 0)
            {
                await output.WriteLineAsync($"  đơn vị: {units}");
            }
            await output.WriteLineAsync($"  cổng API: {grpc} (gRPC), {http} (HTTP); phiên lưu ở {path} (quyền 0600).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
