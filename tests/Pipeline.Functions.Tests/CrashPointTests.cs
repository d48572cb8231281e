using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Links;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Functions;
using Pipeline.Storage;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Every storage write of ingest and render fails once in turn, before or after storage applied it, and the triggers
/// retry as Azure's would: the end state must equal the fault-free run's (no duplicate rows, links or versions, no missing page).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashPointTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int MaxAttempts = 6;
    // A relative "Updated" resolves against the upload's own timestamp, which differs per run; pin it.
    private static readonly string TwoArticles = File.ReadAllText(TestFiles.Path("two-articles.txt")).Replace("Updated 12 min ago", "Updated 3 March 2026");

    [Fact]
    public async Task IngestAndRender_EachWriteFailingOnce_EndInTheFaultFreeState()
    {
        var (baseline, writes) = await RunAsync(new FaultInjectionPolicy());
        Assert.True(writes > 10, $"the run makes {writes} writes");

        var faults = 0;
        for (var k = 0; k < writes; k++)
        {
            foreach (var after in new[] { false, true })
            {
                var policy = new FaultInjectionPolicy { FailAt = k, AfterWrite = after };
                var (state, _) = await RunAsync(policy);
                Assert.True(policy.Fired, $"fault #{k} fired");
                faults++;
                Assert.True(baseline == state, $"fault {(after ? "after" : "before")} write #{k} changed the end state:{Environment.NewLine}{Diff(baseline, state)}");
            }
        }

        output.WriteLine($"{faults} faults injected over {writes} writes; end state identical each time");
    }

    private async Task<(string State, int Writes)> RunAsync(FaultInjectionPolicy policy)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero));
        await using var services = await PipelineServices.CreateAsync(azurite, s =>
        {
            s.AddSingleton<StoragePipelinePolicy>(policy);
            s.AddSingleton<TimeProvider>(clock);
        });
        var blob = services.Storage.Uploads.GetBlobClient("desk/two.txt");
        await blob.UploadAsync(BinaryData.FromString(TwoArticles));
        policy.Arm();

        await RetryAsync(() => services.Create<IngestArticle>().Run(blob, blob.Name, CancellationToken.None));
        var render = services.Create<RenderArticle>();
        while ((await services.Storage.RenderQueue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                var request = message.Body.ToObjectFromJson<RenderRequest>(System.Text.Json.JsonSerializerOptions.Web)!;
                await RetryAsync(() => render.Run(request, CancellationToken.None));
                await RetryAsync(async () =>
                {
                    try
                    {
                        await services.Storage.RenderQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    }
                    catch (Azure.RequestFailedException ex) when (ex.Status == 404)
                    {
                        // The delete went through before the injected failure; the runtime treats this as done too.
                    }
                });
            }
        }

        return (await SnapshotAsync(services), policy.Writes);
    }

    /// <summary>What the trigger runtime does: run again after a failure.</summary>
    private static async Task RetryAsync(Func<Task> run)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await run();
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && (ex is InjectedFaultException || ex is AggregateException all && all.InnerExceptions.All(e => e is InjectedFaultException)))
            {
            }
        }
    }

    /// <summary>Tables and blobs as text, without what legitimately differs between runs (ETags, timestamps, random short codes).</summary>
    private static async Task<string> SnapshotAsync(PipelineServices services)
    {
        var storage = services.Storage;
        var codes = new List<string>();
        await foreach (var link in storage.ShortLinks.QueryAsync<TableEntity>())
        {
            codes.Add(link.GetString("Code"));
        }

        var text = new StringBuilder();

        // Links as an editor lists them (the table's listing rows carry a random suffix and may include an orphan a
        // crashed create left, which the listing skips by design).
        var listed = await services.Get<IShortLinkStore>().ListAsync(null, 100, null, CancellationToken.None);
        foreach (var link in listed.Links.OrderBy(l => l.ArticleId, StringComparer.Ordinal))
        {
            text.AppendLine($"listed|{link.Code}|{link.ArticleId}|{link.Url}");
        }

        foreach (var table in new[] { storage.Articles, storage.ArticleIndex, storage.Slugs, storage.ShortLinks, storage.UploadsTable, storage.AuditTable })
        {
            var label = table.Name[storage.Names.ArticlesTable.IndexOf("Articles", StringComparison.Ordinal)..];
            var rows = new List<string>();
            await foreach (var e in table.QueryAsync<TableEntity>())
            {
                if (table.Name == storage.Names.ShortLinksTable && e.RowKey != "link")
                {
                    continue;
                }

                // RenderedFrom is storage's clock when a render began, so it differs between runs like the Timestamp.
                var values = e.Where(p => p.Key is not ("odata.etag" or "Timestamp" or "PartitionKey" or "RowKey" or "RenderedFrom"))
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={p.Value}");
                rows.Add($"{label}|{(table.Name == storage.Names.ShortLinksTable ? "<code>" : e.PartitionKey)}|{e.RowKey}|{string.Join(";", values)}");
            }

            rows.Sort(StringComparer.Ordinal);
            rows.ForEach(r => text.AppendLine(r));
        }

        foreach (var container in new[] { storage.Site, storage.Content })
        {
            var label = container.Name == storage.Names.SiteContainer ? "site" : "content";
            await foreach (var item in container.GetBlobsAsync())
            {
                var content = (await container.GetBlobClient(item.Name).DownloadContentAsync()).Value;
                text.AppendLine($"{label}|{item.Name}|{content.Details.ContentType}|{content.Content.ToString().ReplaceLineEndings("⏎")}");
            }
        }

        var snapshot = codes.Aggregate(text.ToString(), (current, code) => current.Replace(code, "<code>", StringComparison.Ordinal));
        return string.Join('\n', snapshot.Split('\n').Order(StringComparer.Ordinal));
    }

    private static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var missing = e.Except(a).Take(5).Select(l => "- " + Shorten(l));
        var extra = a.Except(e).Take(5).Select(l => "+ " + Shorten(l));
        return string.Join(Environment.NewLine, missing.Concat(extra));
    }

    private static string Shorten(string line) => line.Length > 300 ? line[..300] + "…" : line;
}
