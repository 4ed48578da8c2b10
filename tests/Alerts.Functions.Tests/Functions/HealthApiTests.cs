using System.Text.Json;
using Alerts.Functions.Functions;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Tests.Functions;

public class HealthApiTests
{
    [Fact]
    public void Get_returns_200_with_status_ok()
    {
        var ok = Assert.IsType<OkObjectResult>(HealthApi.Get(Requests.Get()));

        Assert.Equal("""{"status":"ok"}""", JsonSerializer.Serialize(ok.Value));
    }
}
