using System.CommandLine;
using Cchc.Cli.Commands;

var root = new RootCommand("cchc-cli: the command-line tool of the Lai Châu administrative reform (CCHC) platform.")
{
    DemoCommand.Create(Console.Out, Console.Error),
    TokenCommand.Create(Console.Out, Console.Error),
};
return await root.Parse(args).InvokeAsync();
