using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pipeline.Core;
using Pipeline.Functions;
using Pipeline.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Logging.AddPipelineLogLevels();
builder.Services.AddPipelineCore().AddPipelineStorage(builder.Configuration).AddPipelineFunctions().AddPipelineTelemetry();
builder.Build().Run();
