using System.CommandLine;
using Alerts.Cli.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts run</c>: the whole pipeline in one process on Azurite, HTTP API on port 7071.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var ephemeral = new Option<bool>("--ephemeral") { Description = "Start a private in-memory Azurite on free ports (nothing is kept)." };
        var noSample = new Option<bool>("--no-sample") { Description = "Do not serve and register the bundled sample feed." };
        var noAzurite = new Option<bool>("--no-azurite") { Description = "Do not start Azurite: use the storage in AzureWebJobsStorage." };
        var port = new Option<int>("--port") { Description = "Port of the HTTP API.", DefaultValueFactory = _ => 7071 };
        var smtp4dev = new Option<bool>("--smtp4dev") { Description = "Start smtp4dev (SMTP on port 2525, web UI on --smtp4dev-port) and send alert mails to it." };
        var smtp4devPort = new Option<int>("--smtp4dev-port") { Description = "Port of smtp4dev's web UI.", DefaultValueFactory = _ => 5000 };
        var command = new Command("run", "Run the pipeline locally on Azurite (HTTP API on http://localhost:7071/api).")
        {
            ephemeral, noSample, noAzurite, port, smtp4dev, smtp4devPort,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(ephemeral), !parse.GetValue(noSample), parse.GetValue(noAzurite), parse.GetValue(port),
            parse.GetValue(smtp4dev) ? parse.GetValue(smtp4devPort) : null, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool ephemeral, bool sample, bool noAzurite, int port, int? smtp4devPort, CancellationToken cancellationToken)
    {
        static void Say(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} [host]    {line}");
        AzuriteInstance? azurite = null;
        Smtp4devInstance? smtp4dev = null;
        try
        {
            if (!noAzurite)
            {
                if (!ephemeral && await AzuriteLauncher.DefaultPortsReachableAsync(cancellationToken))
                {
                    Say("Storage is already listening on 127.0.0.1:10001/10002: using it.");
                    azurite = AzuriteLauncher.Existing();
                }
                else
                {
                    Say(ephemeral ? "Starting Azurite in memory (--ephemeral)..." : "Starting Azurite (data in .azurite/)...");
                    azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(ephemeral), Say, cancellationToken);
                    Say($"Azurite ready: queues on port {azurite.QueuePort}, tables on port {azurite.TablePort}.");
                }
            }

            var overrides = new Dictionary<string, string?>();
            if (port != 7071)
            {
                // Unsubscribe links in local mails must reach this host (the local default names port 7071).
                overrides["Alerts:PublicBaseUrl"] = $"http://localhost:{port}";
            }

            if (smtp4devPort is { } webPort)
            {
                smtp4dev = await Smtp4devLauncher.StartAsync(webPort, Say, cancellationToken);
                overrides["Alerts:Smtp:Host"] = "localhost";
                overrides["Alerts:Smtp:Port"] = smtp4dev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
                overrides["Alerts:Smtp:Security"] = "None";
                Say($"smtp4dev ready: SMTP on port {smtp4dev.SmtpPort}; read alert mails at {smtp4dev.WebUi}");
            }

            var options = new LocalHostOptions
            {
                Url = $"http://localhost:{port}",
                StorageConnectionString = azurite?.ConnectionString,
                Sample = sample,
                Overrides = overrides,
            };
            await using var app = LocalFunctionHost.Build(options);
            await app.StartAsync(cancellationToken);
            var api = new Uri(LocalFunctionHost.BaseAddress(app), "/api/");
            Say($"HTTP API on {api} (admin key: header x-functions-key, setting Alerts:AdminKey; local default 'local-dev-admin-key').");
            Say("Press Ctrl-C to stop.");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join("; ", ex.Failures)}. Fix the setting (appsettings.json or environment, e.g. Alerts__PollSchedule) and run again.");
            return 2;
        }
        catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"error: port {port} is in use (is another 'alerts run' or 'func start' running?). Stop it or pass --port.");
            return 1;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        finally
        {
            if (smtp4dev is not null)
            {
                await smtp4dev.DisposeAsync();
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }
}
