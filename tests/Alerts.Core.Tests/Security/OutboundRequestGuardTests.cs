using System.Net;
using System.Net.Sockets;
using Alerts.Core.Configuration;
using Alerts.Core.Security;

namespace Alerts.Core.Tests.Security;

public class OutboundRequestGuardTests
{
    private static OutboundRequestGuard Guard(bool allowLoopback = false) =>
        new(new StaticOptionsMonitor<AlertsOptions>(new AlertsOptions { AllowLoopback = allowLoopback }));

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("198.18.0.1")]
    public void CheckAddress_refuses_private_ipv4_ranges(string address)
    {
        Assert.Equal("must not point at a private address", Guard().CheckAddress(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    public void CheckAddress_allows_public_ipv4_next_to_private_ranges(string address)
    {
        Assert.Null(Guard().CheckAddress(IPAddress.Parse(address)));
    }

    [Fact]
    public void CheckAddress_refuses_cloud_metadata_address()
    {
        Assert.Equal("must not point at a link-local or metadata address", Guard().CheckAddress(IPAddress.Parse("169.254.169.254")));
    }

    [Fact]
    public void CheckAddress_refuses_azure_wire_server()
    {
        Assert.Equal("must not point at a metadata address", Guard().CheckAddress(IPAddress.Parse("168.63.129.16")));
    }

    [Fact]
    public void CheckAddress_refuses_metadata_address_even_when_loopback_is_allowed()
    {
        Assert.NotNull(Guard(allowLoopback: true).CheckAddress(IPAddress.Parse("169.254.169.254")));
        Assert.NotNull(Guard(allowLoopback: true).CheckAddress(IPAddress.Parse("168.63.129.16")));
        Assert.NotNull(Guard(allowLoopback: true).CheckAddress(IPAddress.Parse("10.0.0.1")));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void CheckAddress_refuses_loopback_by_default(string address)
    {
        Assert.Equal("must not point at a loopback address", Guard().CheckAddress(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void CheckAddress_allows_loopback_when_AllowLoopback_is_set(string address)
    {
        Assert.Null(Guard(allowLoopback: true).CheckAddress(IPAddress.Parse(address)));
    }

    [Fact]
    public void CheckAddress_judges_ipv4_mapped_ipv6_by_its_ipv4_address()
    {
        Assert.Equal("must not point at a private address", Guard().CheckAddress(IPAddress.Parse("::ffff:10.0.0.1")));
        Assert.Null(Guard().CheckAddress(IPAddress.Parse("::ffff:93.184.216.34")));
    }

    [Theory]
    [InlineData("fe80::1", "must not point at a link-local address")]
    [InlineData("fec0::1", "must not point at a link-local address")]
    [InlineData("fc00::1", "must not point at a private address")]
    [InlineData("fd12:3456:789a::1", "must not point at a private address")]
    [InlineData("ff02::1", "must not point at a multicast address")]
    [InlineData("::", "must not point at an unspecified address")]
    public void CheckAddress_refuses_non_public_ipv6(string address, string reason)
    {
        Assert.Equal(reason, Guard().CheckAddress(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("64:ff9b::a00:1")] // NAT64 of 10.0.0.1
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("2002:a00:1::1")] // 6to4 of 10.0.0.1
    [InlineData("2002:c0a8:101::1")] // 6to4 of 192.168.1.1
    public void CheckAddress_judges_nat64_and_6to4_by_the_embedded_ipv4_address(string address)
    {
        Assert.NotNull(Guard().CheckAddress(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1
    [InlineData("2002:7f00:1::1")] // 6to4 of 127.0.0.1
    public void CheckAddress_refuses_nat64_and_6to4_addresses_embedding_loopback(string address)
    {
        Assert.Equal("must not point at a loopback address", Guard().CheckAddress(IPAddress.Parse(address)));
        Assert.Null(Guard(allowLoopback: true).CheckAddress(IPAddress.Parse(address)));
    }

    [Fact]
    public void CheckAddress_allows_public_ipv6()
    {
        Assert.Null(Guard().CheckAddress(IPAddress.Parse("2606:2800:220:1:248:1893:25c8:1946")));
        Assert.Null(Guard().CheckAddress(IPAddress.Parse("64:ff9b::5db8:d822"))); // NAT64 of 93.184.216.34
    }

    [Theory]
    [InlineData("0.0.0.0", "must not point at an unspecified address")]
    [InlineData("0.1.2.3", "must not point at an unspecified address")]
    [InlineData("224.0.0.1", "must not point at a multicast or reserved address")]
    [InlineData("255.255.255.255", "must not point at a multicast or reserved address")]
    [InlineData("169.254.1.1", "must not point at a link-local or metadata address")]
    public void CheckAddress_refuses_unspecified_multicast_and_link_local_ipv4(string address, string reason)
    {
        Assert.Equal(reason, Guard().CheckAddress(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://93.184.216.34/feed.xml")]
    [InlineData("https://example.com/rss")]
    [InlineData("https://[2606:2800:220:1:248:1893:25c8:1946]/hook")]
    public void CheckUrl_allows_public_http_and_https_urls(string url)
    {
        Assert.Null(Guard().CheckUrl(new Uri(url)));
    }

    [Theory]
    [InlineData("ftp://example.com/feed.xml")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.com/")]
    [InlineData("javascript:alert(1)")]
    public void CheckUrl_refuses_non_http_schemes(string url)
    {
        Assert.Equal("must be an absolute http or https URL", Guard().CheckUrl(new Uri(url)));
    }

    [Fact]
    public void CheckUrl_refuses_relative_url()
    {
        Assert.Equal("must be an absolute http or https URL", Guard().CheckUrl(new Uri("/feed.xml", UriKind.Relative)));
    }

    [Theory]
    [InlineData("https://user:secret@example.com/hook")]
    [InlineData("https://user@example.com/hook")]
    public void CheckUrl_refuses_credentials_in_url(string url)
    {
        Assert.Equal("must not contain credentials", Guard().CheckUrl(new Uri(url)));
    }

    [Theory]
    [InlineData("http://10.0.0.1/feed", "must not point at a private address")]
    [InlineData("http://172.16.5.4:8080/feed", "must not point at a private address")]
    [InlineData("http://192.168.0.10/feed", "must not point at a private address")]
    [InlineData("http://100.64.0.1/feed", "must not point at a private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "must not point at a link-local or metadata address")]
    [InlineData("http://168.63.129.16/machine", "must not point at a metadata address")]
    [InlineData("http://0.0.0.0/", "must not point at an unspecified address")]
    [InlineData("http://[::ffff:10.0.0.1]/", "must not point at a private address")]
    [InlineData("http://[fe80::1]/", "must not point at a link-local address")]
    [InlineData("http://[fc00::1]/", "must not point at a private address")]
    [InlineData("http://[ff02::1]/", "must not point at a multicast address")]
    public void CheckUrl_refuses_literal_non_public_hosts(string url, string reason)
    {
        Assert.Equal(reason, Guard().CheckUrl(new Uri(url)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071/api")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://localhost/sample/feed.xml")]
    public void CheckUrl_refuses_loopback_unless_allowed(string url)
    {
        Assert.Equal("must not point at a loopback address", Guard().CheckUrl(new Uri(url)));
        Assert.Null(Guard(allowLoopback: true).CheckUrl(new Uri(url)));
    }

    [Fact]
    public void CheckUrl_leaves_host_names_to_the_connect_time_check()
    {
        Assert.Null(Guard().CheckUrl(new Uri("https://internal.example/hook")));
    }

    [Fact]
    public void CheckUrl_follows_AllowLoopback_changes_at_run_time()
    {
        var options = new StaticOptionsMonitor<AlertsOptions>(new AlertsOptions { AllowLoopback = false });
        var guard = new OutboundRequestGuard(options);
        var url = new Uri("http://127.0.0.1/");
        Assert.NotNull(guard.CheckUrl(url));

        options.CurrentValue = new AlertsOptions { AllowLoopback = true };

        Assert.Null(guard.CheckUrl(url));
    }

    [Fact]
    public async Task ConnectAsync_refuses_a_host_name_that_resolves_to_loopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var handler = new SocketsHttpHandler { ConnectCallback = Guard().ConnectAsync, UseProxy = false };
        using var client = new HttpClient(handler);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://localhost:{port}/")));

        Assert.Contains("Refused to connect to 'localhost': the address must not point at a loopback address", Messages(ex));
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task ConnectAsync_connects_to_loopback_when_AllowLoopback_is_set()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var handler = new SocketsHttpHandler { ConnectCallback = Guard(allowLoopback: true).ConnectAsync, UseProxy = false };
        using var client = new HttpClient(handler);

        var request = client.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var stream = accepted.GetStream();
        var buffer = new byte[4096];
        _ = await stream.ReadAsync(buffer);
        await stream.WriteAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());

        using var response = await request.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static string Messages(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
