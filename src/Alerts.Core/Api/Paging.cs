using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alerts.Core.Api;

/// <summary>One page of a list: the items and, when more follow, the cursor that fetches the next page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Opaque continuation tokens: the list they belong to and the last key returned, with a checksum.
/// A cursor that was altered, truncated or made for another list is refused (400, field "cursor") instead of
/// silently restarting or skipping. It carries no secret: forging one only lets an admin start a list they may
/// read anyway at a key of their choice, so a checksum is enough and no signing key has to be configured.
/// </summary>
public static class PageCursor
{
    private const int ChecksumBytes = 8;

    public static string Encode(string list, string position)
    {
        var payload = Encoding.UTF8.GetBytes($"{list}\n{position}");
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Checksum(payload));
    }

    /// <summary>
    /// The position encoded in <paramref name="cursor"/> for <paramref name="list"/> (null when there is no cursor:
    /// the first page), or a 400 problem.
    /// </summary>
    public static ApiResult<string> Decode(string list, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return new ApiResult<string>(200, null, null);
        }

        var invalid = ApiProblem.Invalid("cursor", "The cursor is not one this list returned; start again without it.");
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (cursor.Length > 1024 || dot <= 0)
        {
            return invalid;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(cursor.AsSpan(0, dot));
            var checksum = Base64Url.DecodeFromChars(cursor.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(checksum, Checksum(payload)))
            {
                return invalid;
            }

            var text = Encoding.UTF8.GetString(payload);
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            return newline > 0 && string.Equals(text[..newline], list, StringComparison.Ordinal) && newline < text.Length - 1
                ? ApiResult<string>.Ok(text[(newline + 1)..])
                : invalid;
        }
        catch (FormatException)
        {
            return invalid;
        }
    }

    /// <summary>Parses the <c>limit</c> query parameter (absent: <paramref name="defaultLimit"/>).</summary>
    public static ApiResult<int> Limit(string? limit, int defaultLimit, int maxLimit)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return ApiResult<int>.Ok(defaultLimit);
        }

        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= maxLimit
            ? ApiResult<int>.Ok(count)
            : ApiProblem.Invalid("limit", $"The limit must be a whole number from 1 to {maxLimit}.");
    }

    private static byte[] Checksum(byte[] payload) => SHA256.HashData(payload)[..ChecksumBytes];
}
