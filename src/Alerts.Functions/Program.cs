using Alerts.Core;
using Alerts.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddAlertsCore();
builder.AddAlertsFunctions();
await builder.Build().RunAsync();
