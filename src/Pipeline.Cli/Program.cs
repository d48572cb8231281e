using Microsoft.Extensions.Configuration;
using Pipeline.Cli;
using Spectre.Console;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
return await PipelineCli.RunAsync(args, new CliEnvironment(configuration, Directory.GetCurrentDirectory()), AnsiConsole.Console);
