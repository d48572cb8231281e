using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Pipeline.Core.Uploads;

namespace Pipeline.Storage.Blobs;

/// <summary>
/// Signs the desk's upload addresses. In Azure the app signs in to storage as its identity, holds no account key, and
/// signs a user delegation SAS with a key the service gives that identity (it needs Storage Blob Delegator on the
/// account and write on the uploads container: a user delegation SAS grants no more than its signer holds). With a
/// connection string (Azurite locally, which serves user delegation keys only to OAuth over https) it signs a service
/// SAS with the account key. Either way the address allows create and write of that one blob until its expiry, and
/// nothing else: no read, no list, no delete, no other name.
/// </summary>
public sealed class BlobUploadGrantSigner(StorageClients clients, TimeProvider clock) : IUploadGrantSigner
{
    /// <summary>How long one delegation key serves; the service allows up to seven days, an hour limits what a leaked one signs.</summary>
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private UserDelegationKey? _key;

    public const BlobSasPermissions Permissions = BlobSasPermissions.Create | BlobSasPermissions.Write;

    public async ValueTask<Uri> SignAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var blob = clients.Uploads.GetBlobClient(blobName);
        var sas = Builder(blob, expiresAt);
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = await DelegationKeyAsync(expiresAt, cancellationToken);
        return Sign(blob, sas, key, clients.BlobService.AccountName);
    }

    public static BlobSasBuilder Builder(BlobClient blob, DateTimeOffset expiresAt) => new(Permissions, expiresAt)
    {
        BlobContainerName = blob.BlobContainerName,
        BlobName = blob.Name,
        Resource = "b",
        Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
    };

    public static Uri Sign(BlobClient blob, BlobSasBuilder sas, UserDelegationKey key, string accountName) =>
        new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, accountName) }.ToUri();

    /// <summary>One key at a time per instance, fetched again when it would expire before the address it signs.</summary>
    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (_key is { } current && current.SignedExpiresOn > expiresAt)
        {
            return current;
        }

        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            if (_key is { } fetched && fetched.SignedExpiresOn > expiresAt)
            {
                return fetched;
            }

            // Starts a little in the past: the service refuses a key whose start is ahead of its own clock.
            var now = clock.GetUtcNow();
            var response = await clients.BlobService.GetUserDelegationKeyAsync(
                new BlobGetUserDelegationKeyOptions(Max(now + KeyLifetime, expiresAt.AddMinutes(5))) { StartsOn = now.AddMinutes(-5) }, cancellationToken);
            return _key = response.Value;
        }
        finally
        {
            _keyGate.Release();
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
