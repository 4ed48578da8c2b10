using System.Text;
using Alerts.Core.Delivery;

namespace Alerts.Core.Tests.Delivery;

public class WebhookSignatureTests
{
    [Fact]
    public void Signs_the_standard_webhooks_published_test_vector()
    {
        // From the Standard Webhooks reference libraries' tests (standard-webhooks/standard-webhooks).
        var signature = WebhookSignature.Sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            DateTimeOffset.FromUnixTimeSeconds(1614265330),
            Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void A_changed_body_id_or_timestamp_changes_the_signature()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var time = DateTimeOffset.FromUnixTimeSeconds(1614265330);
        var original = WebhookSignature.Sign(secret, "msg_1", time, "{}"u8);

        Assert.NotEqual(original, WebhookSignature.Sign(secret, "msg_1", time, "{ }"u8));
        Assert.NotEqual(original, WebhookSignature.Sign(secret, "msg_2", time, "{}"u8));
        Assert.NotEqual(original, WebhookSignature.Sign(secret, "msg_1", time.AddSeconds(1), "{}"u8));
    }

    [Fact]
    public void New_secrets_are_whsec_prefixed_base64_of_at_least_24_random_bytes()
    {
        var first = WebhookSignature.NewSecret();
        var second = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(first["whsec_".Length..]).Length >= 24);
        Assert.NotEqual(first, second);
    }
}
