using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests;

/// <summary>infra/hooks/postdeploy.sh: the Event Grid subscription must feed the blob trigger that is really deployed.</summary>
public sealed partial class PostdeployHookTests
{
    private static CompiledInfra Infra => CompiledInfra.Instance;

    private static string Script => Infra.ReadFile("infra", "hooks", "postdeploy.sh");

    private static string Assigned(string variable) => Regex.Match(Script, $"^{variable}=\"([^\"]+)\"", RegexOptions.Multiline).Groups[1].Value;

    [Fact]
    public void Subscription_FeedsTheOnlyEventGridBlobTrigger()
    {
        var trigger = Assert.Single(Infra.Bindings, b => b.Binding["type"]!.GetValue<string>() == "blobTrigger" && b.Binding["source"]?.GetValue<string>() == "EventGrid");

        Assert.Equal(trigger.Function, Assigned("function_name"));
        Assert.Equal(trigger.Binding["path"]!.GetValue<string>().Split('/')[0], Assigned("container"));
    }

    [Fact]
    public void Subscription_FiltersBlobCreatedInTheWatchedContainer()
    {
        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", Script, StringComparison.Ordinal);
        Assert.Contains("--subject-begins-with \"/blobServices/default/containers/$container/\"", Script, StringComparison.Ordinal);
        Assert.Contains("--system-topic-name \"$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME\"", Script, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_IsTheBlobExtensionWebhookOfTheFunction()
    {
        Assert.Contains(
            "endpoint=\"https://$AZURE_FUNCTION_APP_HOST/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key\"",
            Script,
            StringComparison.Ordinal);
        Assert.Contains("--query \"systemKeys.blobs_extension\"", Script, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredVariables_AreOutputsOfTheTemplate()
    {
        var required = RequiredVariable().Matches(Script).Select(m => m.Groups[1].Value).ToList();
        var outputs = Infra.Template.Root["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.NotEmpty(required);
        Assert.All(required, variable => Assert.Contains(variable, outputs));
    }

    [Fact]
    public void SystemTopic_PublishesTheStorageAccountsEvents()
    {
        var topic = Infra.Template.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.GetString("properties.topicType"));
        Assert.Contains("Microsoft.Storage/storageAccounts", topic.Json["properties"]!["source"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Doctor_ReadsTheTemplatesOutputs_AndChecksTheFunctionTheHookSubscribes()
    {
        var outputs = Infra.Template.Root["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.All(
            new[] { Cli.Commands.DoctorCommand.SiteVariable, Cli.Commands.DoctorCommand.ResourceGroupVariable, Cli.Commands.DoctorCommand.TopicVariable, Cli.Commands.DoctorCommand.FunctionAppHostVariable },
            variable => Assert.Contains(variable, outputs));
        Assert.Equal(Cli.Doctor.EventGridSubscriptions.FunctionName, Assigned("function_name"));
    }

    [Fact]
    public void Doctor_RunsOnlyWhenAsked_WithTheKeyOutOfTheCommandLine()
    {
        var doctor = Script[Script.IndexOf("if [ \"${PIPELINE_DOCTOR:-0}\" = \"1\" ]; then", StringComparison.Ordinal)..];

        Assert.Contains("-- doctor", doctor, StringComparison.Ordinal);
        Assert.Contains("export PIPELINE_API_KEY", doctor, StringComparison.Ordinal);
        Assert.DoesNotContain("--key", doctor, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{(\w+):\?")]
    private static partial Regex RequiredVariable();
}
