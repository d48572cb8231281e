using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Functions.Access;
using Pipeline.Functions.Http;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Every HTTP function is anonymous to the host, so each management function must check its caller itself: called
/// with nothing, each answers 401; with an editor's token, exactly the publishing calls answer 403.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccessContractTests(AzuriteFixture azurite)
{
    /// <summary>What readers and the desk's own files need without signing in, and the key check the host guards.</summary>
    private static readonly HashSet<string> Public = ["FollowShortLink", "ServeDesk", "ServePreview", "GetSignIn", "CheckKey"];

    private static readonly HashSet<string> PublisherOnly = ["ApproveArticle", "UnpublishArticle", "Republish", "RepublishArticles"];

    private static IEnumerable<(string Name, Type Type, MethodInfo Method, HttpTriggerAttribute Trigger)> HttpFunctions() =>
        from type in typeof(ManagementAccess).Assembly.GetTypes()
        from method in type.GetMethods()
        let function = method.GetCustomAttribute<FunctionAttribute>()
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
        where function is not null && trigger is not null
        select (function.Name, type, method, trigger);

    [Fact]
    public void OnlyTheKeyCheck_IsGuardedByTheHost()
    {
        var guarded = HttpFunctions().Where(f => f.Trigger.AuthLevel != AuthorizationLevel.Anonymous).Select(f => f.Name);
        Assert.Equal(["CheckKey"], guarded);
        Assert.True(HttpFunctions().Count() > 20);
    }

    [Fact]
    public async Task EveryManagementFunction_CalledWithNothing_Answers401()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var open = new List<string>();
        foreach (var function in HttpFunctions().Where(f => !Public.Contains(f.Name)))
        {
            var (status, _) = await InvokeAsync(services, function, signedIn: null);
            if (status != StatusCodes.Status401Unauthorized)
            {
                open.Add($"{function.Name}: {status}");
            }
        }

        Assert.Empty(open);
    }

    [Fact]
    public async Task WithAnEditorsToken_ExactlyThePublishingCalls_Answer403()
    {
        var entra = new TestEntra();
        await using var services = await PipelineServices.CreateAsync(azurite,
            configure: s => s.AddSingleton(entra.Tokens()),
            settings: TestEntra.Settings);
        var refused = new List<string>();
        foreach (var function in HttpFunctions().Where(f => !Public.Contains(f.Name)))
        {
            var (status, _) = await InvokeAsync(services, function, signedIn: entra.Token(roles: ["Editor"]));
            Assert.NotEqual(StatusCodes.Status401Unauthorized, status);
            if (status == StatusCodes.Status403Forbidden)
            {
                refused.Add(function.Name);
            }
        }

        Assert.Equal(PublisherOnly.Order(), refused.Order());
    }

    /// <summary>Calls the function as the worker would: route values as strings (placeholders), the request, a token.</summary>
    private static async Task<(int Status, string Body)> InvokeAsync(PipelineServices services, (string Name, Type Type, MethodInfo Method, HttpTriggerAttribute Trigger) function, string? signedIn)
    {
        var method = (function.Trigger.Methods ?? ["get"])[0].ToUpperInvariant();
        var context = HttpResults.Request(method, "/" + function.Trigger.Route);
        context.Items.Remove(RequestActor.ItemKey);
        if (signedIn is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + signedIn;
        }

        var instance = ActivatorUtilities.CreateInstance(services.Provider, function.Type);
        var arguments = function.Method.GetParameters().Select(p =>
            p.ParameterType == typeof(HttpRequest) ? context.Request
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : (object)"placeholder").ToArray();
        var returned = function.Method.Invoke(instance, arguments);
        var result = returned is Task<IActionResult> pending ? await pending : (IActionResult)returned!;
        await result.ExecuteResultAsync(new ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
