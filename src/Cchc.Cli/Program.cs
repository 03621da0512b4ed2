using System.CommandLine;
using Cchc.Cli.Commands;

var root = new RootCommand("cchc-cli: công cụ dòng lệnh của nền tảng CCHC tỉnh Lai Châu — nhập dữ liệu từ bảng tính (login, template, "
    + "validate, import), xuất báo cáo (export); và công cụ vận hành (demo, rebuild, token).")
{
    LoginCommand.Create(Console.Out, Console.Error),
    TemplateCommand.Create(Console.Out, Console.Error),
    ImportCommand.CreateValidate(Console.Out, Console.Error),
    ImportCommand.CreateImport(Console.Out, Console.Error),
    ExportCommand.Create(Console.Out, Console.Error),
    DemoCommand.Create(Console.Out, Console.Error),
    RebuildCommand.Create(Console.Out, Console.Error),
    TokenCommand.Create(Console.Out, Console.Error),
};
// Ctrl-C / SIGTERM cancel the command's token; the import then cancels its call in flight (the service rolls it back),
// writes what it has, and exits 130. The runtime waits this long before ending the process anyway.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
