using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.IntegrationTests.Infrastructure;

/// <summary>A request a <see cref="LoopbackHttpServer"/> received.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port): serves fixed documents (feeds) and records every request
/// (webhooks), answering with scripted status codes.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, (string ContentType, string Body)> documents = new();
    private readonly ConcurrentQueue<int> scriptedStatuses = new();
    private readonly ConcurrentDictionary<string, RequestDelegate> handlers = new();

    private LoopbackHttpServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> for GET requests.</summary>
    public Uri Serve(string path, string contentType, string body)
    {
        documents[path] = (contentType, body);
        return new Uri(BaseAddress, path);
    }

    /// <summary>Answers requests to <paramref name="path"/> with <paramref name="handler"/> (headers, statuses, redirects).</summary>
    public Uri Handle(string path, RequestDelegate handler)
    {
        handlers[path] = handler;
        return new Uri(BaseAddress, path);
    }

    /// <summary>Serves a document with an ETag and Last-Modified, answering 304 to a request that sends either back.</summary>
    public Uri ServeWithValidators(string path, string contentType, string body, string etag, DateTimeOffset lastModified) =>
        Handle(path, async context =>
        {
            var lastModifiedText = lastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = lastModifiedText;
            if (context.Request.Headers.IfNoneMatch == etag || context.Request.Headers.IfModifiedSince == lastModifiedText)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    /// <summary>The requests received for <paramref name="path"/>.</summary>
    public IReadOnlyList<ReceivedRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    /// <summary>A scripted "status" that answers nothing: the request hangs until the client gives up.</summary>
    public const int Hang = -1;

    /// <summary>The next requests get these statuses in order (or <see cref="Hang"/>); afterwards 200.</summary>
    public void ScriptStatuses(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            scriptedStatuses.Enqueue(status);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body));
        if (handlers.TryGetValue(context.Request.Path, out var handler))
        {
            await handler(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && documents.TryGetValue(context.Request.Path, out var document))
        {
            context.Response.ContentType = document.ContentType;
            await context.Response.WriteAsync(document.Body);
            return;
        }

        var status = scriptedStatuses.TryDequeue(out var scripted) ? scripted : StatusCodes.Status200OK;
        if (status == Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as the test intends.
            }

            return;
        }

        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
