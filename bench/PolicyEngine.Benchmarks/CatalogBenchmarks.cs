using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using PolicyEngine.Catalog;

namespace PolicyEngine.Benchmarks;

/// <summary>Loading the embedded action catalogue and expanding action wildcards.</summary>
[MemoryDiagnoser]
public class CatalogBenchmarks
{
    private byte[] _resource = [];
    private ActionCatalog _catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        using Stream stream = typeof(ActionCatalog).Assembly.GetManifestResourceStream(CatalogReader.ResourceName)!;
        _resource = new byte[stream.Length];
        stream.ReadExactly(_resource);
        _catalog = ActionCatalog.Default;
    }

    /// <summary>Decompresses and builds a fresh catalogue, as <see cref="ActionCatalog.Default"/> does once per process.</summary>
    [Benchmark]
    public ActionCatalog Load() => CatalogReader.Load(_resource);

    [Benchmark]
    public ImmutableArray<ActionInfo> ExpandS3Get() => _catalog.Expand("s3:Get*");

    [Benchmark]
    public ImmutableArray<ActionInfo> ExpandAnyDescribe() => _catalog.Expand("*:Describe*");

    [Benchmark]
    public IReadOnlyList<string> SuggestMisspelledAction() => _catalog.Suggest("ec2:DescribeInstanses");
}
