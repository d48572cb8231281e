using Pipeline.DevHost;

return await DevHostApplication.RunAsync(args);
