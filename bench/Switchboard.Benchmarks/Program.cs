using BenchmarkDotNet.Running;
using Switchboard.Benchmarks;

// dotnet run -c Release --project bench/Switchboard.Benchmarks -- --filter '*Ami*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(AmiParsingBenchmarks).Assembly).Run(args, BenchmarkConfig.Create());
