using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Tests;

/// <summary>An <see cref="IOptionsMonitor{TOptions}"/> with a fixed value.</summary>
internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

/// <summary>An <see cref="HttpMessageHandler"/> that answers from a delegate (no network).</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(respond(request));
}

internal static class Requests
{
    public static HttpRequest Json(string json)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.ContentType = "application/json";
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return request;
    }

    public static HttpRequest Get(string query = "")
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.QueryString = new QueryString(query);
        return request;
    }
}
