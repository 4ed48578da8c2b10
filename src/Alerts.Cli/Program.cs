using System.CommandLine;
using Alerts.Cli.Commands;

var root = new RootCommand("Alerts: news-alert pipeline for finance (local host and developer tools).");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return await root.Parse(args).InvokeAsync();
