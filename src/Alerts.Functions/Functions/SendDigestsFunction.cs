using Alerts.Core.Delivery;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>
/// Timer, one minute past every hour: one mail per hourly or daily subscription whose period has ended. The schedule
/// is fixed (not a setting) because digest periods are hours and UTC days, whatever the timer's pace.
/// </summary>
public sealed class SendDigestsFunction(DigestSender digests)
{
    [Function("SendDigests")]
    public Task<int> Run([TimerTrigger("0 1 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        digests.SendDueAsync(cancellationToken);
}
