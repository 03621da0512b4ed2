using System.CommandLine;
using System.Globalization;
using Cchc.Cli.Auth;
using Cchc.Cli.Export;

namespace Cchc.Cli.Commands;

/// <summary><c>export --periods … --format xlsx|csv|json [--scope …]</c>: the report's appendices to files.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var gateway = new GatewayOptions();
        var periods = new Option<string>("--periods")
        {
            Description = "Các kỳ báo cáo như API báo cáo nhận, cách nhau bằng dấu phẩy: năm (2019), quý (2020-Q1) hoặc khoảng ngày (2020-01-01..2020-03-31).",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "xlsx (một trang mỗi phụ lục, số giữ dạng số), csv (một tệp mỗi phụ lục) hoặc json (đúng như API trả về).",
            DefaultValueFactory = _ => "xlsx",
        };
        format.AcceptOnlyFromAmong("xlsx", "csv", "json");
        var scope = new Option<string?>("--scope")
        {
            Description = "Phạm vi báo cáo (ví dụ một huyện), chuyển cho máy chủ dưới dạng scope=…; nếu máy chủ chưa hỗ trợ, lệnh báo rõ và số liệu là của toàn tỉnh.",
        };
        var appendices = new Option<string?>("--appendices")
        {
            Description = "Chỉ các phụ lục này, ví dụ 3,6 (mặc định: mọi phụ lục máy chủ công bố).",
        };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Phụ lục 4 (so sánh tổ chức bộ máy vào các ngày): các ngày yyyy-MM-dd cách nhau bằng dấu phẩy; mặc định dùng --periods.",
        };
        var outputPath = new Option<string?>("--output", "-o")
        {
            Description = "Tệp ghi ra (mặc định bao-cao-cchc.<định dạng>); với csv là phần đầu tên tệp: <output>-phu-luc-N.csv.",
        };
        var command = new Command("export", "Xuất báo cáo (các phụ lục thống kê như GET /api/reports/appendices/{n}?periods=…) ra xlsx, csv hoặc json. "
            + "Báo cáo được công bố nên không cần đăng nhập; nếu đã đăng nhập, mã truy cập được gửi kèm.")
        {
            periods, format, scope, appendices, asOf, outputPath,
        };
        command.Options.Add(gateway.Http);
        command.Options.Add(gateway.ConfigDir);
        command.SetAction((parse, cancellation) => SpreadsheetCommandRunner.RunAsync(error, async () =>
        {
            var directory = gateway.Directory(parse);
            var session = SessionStore.Load(directory);
            var address = gateway.HttpAddress(parse, session);
            using var plain = new HttpClient();
            using var tokens = session is not null && session.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(1)
                ? new SessionTokens(directory, session, TimeProvider.System, plain) : null;
            HttpMessageHandler handler = tokens is null ? new SocketsHttpHandler() : new SessionTokenHandler(tokens, new SocketsHttpHandler());
            using var http = new HttpClient(handler) { BaseAddress = new Uri(address, "/"), Timeout = TimeSpan.FromMinutes(5) };
            var chosen = parse.GetValue(appendices) is { Length: > 0 } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var no) ? no
                        : throw new CommandFailedException($"--appendices: \"{n}\" không phải số phụ lục")).ToList()
                : null;
            var fmt = parse.GetValue(format)!;
            var request = new ExportRequest(parse.GetValue(periods)!, fmt, parse.GetValue(scope), chosen, parse.GetValue(asOf),
                parse.GetValue(outputPath) ?? (fmt == "csv" ? "bao-cao-cchc" : $"bao-cao-cchc.{fmt}"));
            await output.WriteLineAsync($"Xuất báo cáo kỳ {request.Periods} từ {address}:");
            var files = await new ReportExporter(http, output).ExportAsync(request, cancellation);
            foreach (var file in files)
            {
                await output.WriteLineAsync($"Đã ghi {Path.GetFullPath(file)}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
