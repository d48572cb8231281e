using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The link functions called as the host calls them, one HTTP exchange per method.</summary>
internal sealed class LinkApi(PipelineServices services)
{
    public Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> CreateAsync(string json) =>
        HttpResults.CallAsync(r => services.Create<CreateShortLink>().Run(r, CancellationToken.None), "POST", "/api/links", json);

    public Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> CreateManyAsync(string json) =>
        HttpResults.CallAsync(r => services.Create<CreateShortLinks>().Run(r, CancellationToken.None), "POST", "/api/links/bulk", json);

    public Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> GetAsync(string code) =>
        HttpResults.CallAsync(r => services.Create<GetShortLink>().Run(r, code, CancellationToken.None), "GET", "/api/links/" + code);

    public Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> ListAsync(string query) =>
        HttpResults.CallAsync(r => services.Create<ListShortLinks>().Run(r, CancellationToken.None), "GET", "/api/links" + query);

    public Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> UpdateAsync(string code, string json) =>
        HttpResults.CallAsync(r => services.Create<UpdateShortLink>().Run(r, code, CancellationToken.None), "PATCH", "/api/links/" + code, json);

    public Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> ArchiveAsync(string code) =>
        HttpResults.CallAsync(r => services.Create<ArchiveShortLink>().Run(r, code, CancellationToken.None), "DELETE", "/api/links/" + code);

    public Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> FollowAsync(string code, string query = "", string? userAgent = Browser) =>
        HttpResults.CallAsync(r => services.Create<FollowShortLink>().Run(r, code, CancellationToken.None), "GET", "/" + code + query, userAgent: userAgent);

    /// <summary>Creates a link and returns its code (asserting the 201).</summary>
    public async Task<string> CodeOfNewAsync(string json)
    {
        var (status, _, body) = await CreateAsync(json);
        Assert.Equal(StatusCodes.Status201Created, status);
        return body!.Value.GetProperty("code").GetString()!;
    }

    public const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
}
