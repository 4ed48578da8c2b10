namespace Alerts.Core.Subscriptions;

/// <summary>A named, shared list of tickers, companies and keywords that subscriptions can follow by name.</summary>
public sealed record Watchlist
{
    public required string Name { get; init; }

    /// <summary>Tickers in normalised form ("XNAS:GOOGL", or a bare "GOOGL" that matches any exchange).</summary>
    public IReadOnlyList<string> Tickers { get; init; } = [];

    /// <summary>Company names, matched like keywords (case-insensitive, in title and summary).</summary>
    public IReadOnlyList<string> Companies { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public required DateTimeOffset Updated { get; init; }
}

/// <summary>Body of <c>PUT /api/watchlists/{name}</c>.</summary>
public sealed record PutWatchlistRequest(IReadOnlyList<string>? Tickers, IReadOnlyList<string>? Companies, IReadOnlyList<string>? Keywords);
