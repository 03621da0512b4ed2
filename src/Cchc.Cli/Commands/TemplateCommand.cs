using System.CommandLine;
using Cchc.Cli.Import;

namespace Cchc.Cli.Commands;

/// <summary><c>template &lt;kind&gt;</c>: writes the XLSX template of a kind (or of every kind with "all").</summary>
internal static class TemplateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var kind = new Argument<string>("kind")
        {
            Description = "Loại dữ liệu (" + ImportKinds.Names + "), hoặc all cho mọi loại.",
        };
        kind.AcceptOnlyFromAmong([.. ImportKinds.All.Select(k => k.Name), "all"]);
        var outputPath = new Option<string?>("--output", "-o")
        {
            Description = "Tệp .xlsx sẽ ghi (mặc định mau-<loại>.xlsx trong thư mục hiện tại); với all: thư mục.",
        };
        var command = new Command("template", "Tạo tệp mẫu .xlsx của một loại dữ liệu: tiêu đề cột tiếng Việt, ghi chú hướng dẫn ở từng "
            + "ô tiêu đề (cách ghi, bắt buộc hay không, các giá trị được chấp nhận), một dòng ví dụ và trang \"Hướng dẫn\".")
        {
            kind, outputPath,
        };
        command.SetAction((parse, _) => SpreadsheetCommandRunner.RunAsync(error, async () =>
        {
            var name = parse.GetValue(kind)!;
            var target = parse.GetValue(outputPath);
            var kinds = name == "all" ? ImportKinds.All : [ImportKinds.Find(name)!];
            foreach (var selected in kinds)
            {
                var path = name == "all"
                    ? Path.Combine(target ?? ".", $"mau-{selected.Name}.xlsx")
                    : target ?? $"mau-{selected.Name}.xlsx";
                TemplateWorkbook.Write(path, selected);
                await output.WriteLineAsync($"Đã tạo mẫu {selected.Name} ({selected.Title}, {selected.Columns.Count} cột): {Path.GetFullPath(path)}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
