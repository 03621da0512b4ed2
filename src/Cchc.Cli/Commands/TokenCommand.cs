using System.CommandLine;
using Cchc.Cli.Auth;

namespace Cchc.Cli.Commands;

/// <summary><c>token</c>: prints an access token for a client, for curl/grpcurl users (<c>-H "authorization: Bearer $(cchc-cli token ...)"</c>).</summary>
internal static class TokenCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var token = new TokenOptions(defaultClientId: string.Empty, clientIdRequired: true);
        var command = new Command("token", "Obtain an access token by OAuth2 client credentials and print it (only the token, on one line).");
        foreach (var option in token.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(error, async () =>
        {
            var request = token.Resolve(parse)
                ?? throw new CommandFailedException(
                    $"no secret for client '{parse.GetValue(token.ClientId)}': give --client-secret, {ClientCredentials.SecretVariable} or --clients-file.");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var source = new ClientCredentialTokens(http, request, TimeProvider.System);
            await output.WriteLineAsync(await source.GetAsync(cancellation));
        }));
        return command;
    }
}
