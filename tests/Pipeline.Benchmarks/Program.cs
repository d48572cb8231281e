using Pipeline.Benchmarks.Harness;

return await ScenarioRunner.RunAsync(args);
