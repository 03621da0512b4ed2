using System.CommandLine;
using Cchc.Cli.Auth;
using Cchc.Cli.Import;

namespace Cchc.Cli.Commands;

/// <summary><c>import &lt;kind&gt; &lt;file&gt;</c> and <c>validate &lt;kind&gt; &lt;file&gt;</c> (the same checks, nothing written).</summary>
internal static class ImportCommand
{
    public static Command CreateImport(TextWriter output, TextWriter error, Func<bool>? terminal = null) => Create(output, error, dryRun: false, terminal);

    public static Command CreateValidate(TextWriter output, TextWriter error) => Create(output, error, dryRun: true, null);

    private static Command Create(TextWriter output, TextWriter error, bool dryRun, Func<bool>? terminal)
    {
        var gateway = new GatewayOptions();
        var kind = new Argument<string>("kind")
        {
            Description = "Loại dữ liệu: " + string.Join("; ", ImportKinds.All.Select(k => $"{k.Name} = {k.Description}")) + ".",
        };
        kind.AcceptOnlyFromAmong([.. ImportKinds.All.Select(k => k.Name)]);
        var file = new Argument<string>("file")
        {
            Description = "Tệp .xlsx, .xls hoặc .csv (tiêu đề tiếng Việt có hoặc không dấu, thứ tự cột tùy ý; dòng tiêu đề được tự tìm, "
                + "bỏ qua các dòng tên bảng phía trên; đọc mọi trang có bảng của loại này).",
        };
        var sheets = new Option<string[]>("--sheet")
        {
            Description = "Chỉ đọc trang (sheet) này; có thể lặp lại. Mặc định: mọi trang có dòng tiêu đề của loại dữ liệu.",
            AllowMultipleArgumentsPerToken = false,
        };
        var errors = new Option<string?>("--errors")
        {
            Description = "Nơi ghi tệp các dòng lỗi (mặc định: <tên tệp>.loi.xlsx cạnh tệp nhập).",
        };
        var command = dryRun
            ? new Command("validate", "Kiểm tra thử (không ghi gì vào hệ thống): đọc tệp, kiểm tra từng ô, quy tắc của dữ liệu, "
                + "đối chiếu danh mục đơn vị (đơn vị phải tồn tại vào ngày của dòng) và các mã tham chiếu qua API đọc của dịch vụ; "
                + "ghi các dòng lỗi ra tệp .loi.xlsx. Mã thoát: 0 không có lỗi, 2 có dòng lỗi, 1 không đọc được tệp, 3 chưa đăng nhập.")
            : new Command("import", "Nhập dữ liệu từ bảng tính qua API gRPC công khai của cổng (như hệ thống của sở, ngành), "
                + "theo lô, mỗi lô hoặc ghi hết hoặc không ghi gì. Dòng lỗi không được ghi; các dòng tốt vẫn được nhập; dòng lỗi "
                + "(kèm lý do ở từng ô) ghi ra tệp .loi.xlsx để sửa rồi nhập lại. Nhập lại cùng tệp không nhân đôi dữ liệu; "
                + "Ctrl-C dừng sạch và lần chạy sau nhập tiếp từ lô chưa xong. Mã thoát: 0 xong, 2 có dòng bị từ chối, "
                + "1 không chạy được, 3 cần đăng nhập lại, 4 dịch vụ không trả lời, 130 đã dừng (Ctrl-C).");
        command.Arguments.Add(kind);
        command.Arguments.Add(file);
        command.Options.Add(sheets);
        command.Options.Add(errors);
        var offline = new Option<bool>("--offline")
        {
            Description = "Chỉ kiểm tra tệp (ô, quy tắc), không đối chiếu với hệ thống (không cần đăng nhập).",
        };
        var batchSize = new Option<int?>("--batch-size")
        {
            Description = "Số dòng mỗi lần gọi (mặc định theo loại: hồ sơ 10.000, các loại khác 2.000).",
        };
        var restart = new Option<bool>("--restart")
        {
            Description = "Bỏ qua tệp tiếp tục (<tệp>.cchc-resume.json) và gửi lại mọi lô (an toàn: dữ liệu đã có được tính là đã có).",
        };
        if (dryRun)
        {
            command.Options.Add(offline);
        }
        else
        {
            command.Options.Add(batchSize);
            command.Options.Add(restart);
        }
        foreach (var option in gateway.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellation) => SpreadsheetCommandRunner.RunAsync(error, async () =>
        {
            var selected = ImportKinds.Find(parse.GetValue(kind)!)!;
            var request = new ImportRequest(parse.GetValue(file)!, dryRun, parse.GetValue(sheets), dryRun ? null : parse.GetValue(batchSize),
                Resume: !dryRun && !parse.GetValue(restart), ErrorWorkbook: parse.GetValue(errors), CheckReferences: !(dryRun && parse.GetValue(offline)));
            var progress = ImportProgress.For(output, terminal?.Invoke());
            if (dryRun && parse.GetValue(offline))
            {
                var summary = await new ImportEngine(selected, null, output, progress).RunAsync(request, cancellation);
                return Report(output, selected, summary, dryRun);
            }
            var directory = gateway.Directory(parse);
            var session = gateway.RequireSession(parse);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var tokens = new SessionTokens(directory, session, TimeProvider.System, http);
            await tokens.GetAsync(cancellation);
            using var channel = GatewayOptions.Channel(gateway.GrpcAddress(parse, session), tokens);
            var engine = new ImportEngine(selected, channel.CreateCallInvoker(), output, progress);
            var result = await engine.RunAsync(request, cancellation);
            return Report(output, selected, result, dryRun);
        }));
        return command;
    }

    internal static int Report(TextWriter output, ImportKind kind, ImportSummary summary, bool dryRun)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        if (dryRun)
        {
            output.WriteLine($"Kiểm tra xong (không ghi gì vào hệ thống): {Numbers.Format(summary.Rows)} dòng, "
                + $"{Numbers.Format(summary.Rows - summary.Rejected)} hợp lệ, {Numbers.Format(summary.Rejected)} có lỗi ({Numbers.Format(seconds, 1)} s).");
            return summary.Rejected > 0 ? ExitCodes.RowsRejected : ExitCodes.Ok;
        }
        output.WriteLine($"Kết quả nhập {kind.Name}: {Numbers.Format(summary.Rows)} dòng — nhận mới {Numbers.Format(summary.Accepted)}, "
            + $"đã có từ trước {Numbers.Format(summary.AlreadyPresent)}, bị từ chối {Numbers.Format(summary.Rejected)}"
            + (summary.ResumedRows > 0 ? $" (trong đó {Numbers.Format(summary.ResumedRows)} dòng đã xong ở lần chạy trước)" : string.Empty)
            + $"; {Numbers.Format(seconds, 1)} s, {Numbers.Format((long)((summary.Rows - summary.ResumedRows) / seconds))} dòng/s.");
        if (summary.Interrupted)
        {
            output.WriteLine("Đã dừng theo yêu cầu: các lô đã xong được giữ; chạy lại đúng lệnh này để nhập tiếp.");
            return ExitCodes.Interrupted;
        }
        return summary.Rejected > 0 ? ExitCodes.RowsRejected : ExitCodes.Ok;
    }
}
