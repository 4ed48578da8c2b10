using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// A table whose rows hold one record serialised as JSON in the <c>Data</c> column, beside the keys.
/// Keeps the domain records free of storage attributes; the keys carry everything that queries need,
/// and <paramref name="indexColumns"/> copies the few values a server-side filter needs into columns of their own.
/// </summary>
internal sealed class JsonTable<T>(TableClient table, Func<T, IEnumerable<KeyValuePair<string, object>>>? indexColumns = null)
    where T : class
{
    private const string DataColumn = "Data";

    public TableClient Client => table;

    public async Task<bool> AddIfAbsentAsync(string partitionKey, string rowKey, T record, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(ToEntity(partitionKey, rowKey, record), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task UpsertAsync(string partitionKey, string rowKey, T record, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(ToEntity(partitionKey, rowKey, record), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    public async Task<T?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, [DataColumn], cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>The record with the row's ETag, for an optimistic <see cref="TryReplaceAsync"/>.</summary>
    public async Task<(T Record, ETag ETag)?> GetVersionedAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, [DataColumn], cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? (FromEntity(entity), entity.ETag) : null;
    }

    /// <summary>Replaces the row if it still has <paramref name="etag"/>; false when someone else changed or deleted it.</summary>
    public async Task<bool> TryReplaceAsync(string partitionKey, string rowKey, T record, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(ToEntity(partitionKey, rowKey, record), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Partition keys of the rows matching <paramref name="filter"/>, reading nothing else.</summary>
    public async IAsyncEnumerable<string> QueryPartitionKeysAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity.PartitionKey;
        }
    }

    public async Task<bool> ExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, ["PartitionKey"], cancellationToken).ConfigureAwait(false);
        return response.HasValue;
    }

    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != (int)HttpStatusCode.NotFound;
    }


    /// <summary>Replaces the row only while it still has <paramref name="etag"/>.</summary>
    public async Task<WriteOutcome> ReplaceAsync(string partitionKey, string rowKey, T record, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(ToEntity(partitionKey, rowKey, record), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Done;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return ex.Status == (int)HttpStatusCode.NotFound ? WriteOutcome.NotFound : WriteOutcome.Stale;
        }
    }

    /// <summary>Deletes the row only while it still has <paramref name="etag"/>.</summary>
    public async Task<WriteOutcome> DeleteAsync(string partitionKey, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken).ConfigureAwait(false);
            return response.Status == (int)HttpStatusCode.NotFound ? WriteOutcome.NotFound : WriteOutcome.Done;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return WriteOutcome.Stale;
        }
    }

    /// <summary>Rows with their keys, a page of at most <paramref name="maxPerPage"/> per request to storage.</summary>
    public async IAsyncEnumerable<(string RowKey, T Record)> QueryRowsAsync(string filter, int maxPerPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage, [DataColumn, "RowKey"], cancellationToken).ConfigureAwait(false))
        {
            yield return (entity.RowKey, FromEntity(entity));
        }
    }

    public async IAsyncEnumerable<T> QueryAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: [DataColumn], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    private TableEntity ToEntity(string partitionKey, string rowKey, T record)
    {
        var entity = new TableEntity(partitionKey, rowKey) { [DataColumn] = JsonSerializer.Serialize(record, AlertsJson.Options) };
        foreach (var (name, value) in indexColumns?.Invoke(record) ?? [])
        {
            entity[name] = value;
        }

        return entity;
    }

    private static T FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<T>(entity.GetString(DataColumn), AlertsJson.Options)
        ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} has no data.");
}

/// <summary>How a conditional write ended.</summary>
public enum WriteOutcome
{
    Done,
    NotFound,

    /// <summary>The row changed since it was read (the ETag no longer matches).</summary>
    Stale,
}
