using YamlDotNet.Serialization;

namespace Pipeline.Infra.Tests;

/// <summary>azure.yaml: what `azd up` deploys, and where.</summary>
public sealed class AzureYamlTests
{
    private static CompiledInfra Infra => CompiledInfra.Instance;

    private static Dictionary<string, object> Yaml => new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(Infra.ReadFile("azure.yaml"));

    private static Dictionary<object, object> Section(object? value) => Assert.IsType<Dictionary<object, object>>(value);

    [Fact]
    public void Service_IsTheFunctionsProjectOnTheTaggedApp()
    {
        var services = Section(Yaml["services"]);
        var (name, service) = Assert.Single(services);
        var config = Section(service);
        var tag = Infra.Template.Single("Microsoft.Web/sites").Get("tags")!["azd-service-name"]!.GetValue<string>();

        Assert.Equal(tag, name);
        Assert.Equal("function", config["host"]);
        Assert.Equal("dotnet", config["language"]);
        Assert.True(File.Exists(Path.Combine(Infra.RepositoryRoot, (string)config["project"], "Pipeline.Functions.csproj")));
    }

    [Fact]
    public void Postdeploy_RunsTheEventGridHook()
    {
        var hook = Section(Section(Yaml["hooks"])["postdeploy"]);
        var script = Path.Combine(Infra.RepositoryRoot, (string)hook["run"]);

        Assert.Equal("sh", hook["shell"]);
        Assert.True(File.Exists(script));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), "the hook must be executable");
        }
    }

    [Fact]
    public void Infra_IsTheBicepTemplate()
    {
        var infra = Section(Yaml["infra"]);

        Assert.Equal("bicep", infra["provider"]);
        Assert.True(File.Exists(Path.Combine(Infra.RepositoryRoot, (string)infra["path"], $"{infra["module"]}.bicep")));
    }
}
