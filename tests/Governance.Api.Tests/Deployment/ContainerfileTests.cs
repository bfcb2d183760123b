using TestSupport.Paths;

namespace Governance.Api.Tests.Deployment;

/// <summary>
/// The Containerfile's rules, read from the file: no container builder can pull the .NET images on the test machines
/// (README, "Container image"), so what a build would show is checked here and by <see cref="PublishedImageTests"/>.
/// </summary>
public sealed class ContainerfileTests
{
    private readonly Containerfile _file = Containerfile.Load();

    [Fact]
    public void The_sdk_publishes_and_the_aspnet_runtime_runs()
    {
        Assert.Equal(2, _file.Stages.Count);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", _file.Build.BaseImage);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", _file.Final.BaseImage);
        Assert.Contains(PublishedImage.PublishCommand, _file.Build.All("RUN"));
        Assert.Contains($"--from={_file.Build.Name} {PublishedImage.PublishOutput} ./", _file.Final.All("COPY"));
    }

    [Fact]
    public void The_image_runs_as_a_user_other_than_root()
    {
        var users = _file.Final.All("USER");
        Assert.NotEmpty(users);
        Assert.DoesNotContain(users[^1].Split(':')[0], new[] { "root", "0" });
        var instructions = _file.Final.Instructions.Select(i => i.Keyword).ToList();
        // Nothing after USER runs as root: no RUN follows it.
        Assert.DoesNotContain("RUN", instructions.Skip(instructions.LastIndexOf("USER")));
    }

    [Fact]
    public void The_volume_is_the_data_folder_the_service_is_told_to_use()
    {
        var dataDirectory = _file.Final.Environment["Governance__DataDirectory"];
        Assert.Equal([dataDirectory], _file.Final.All("VOLUME"));
        Assert.StartsWith("/", dataDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exposed_port_is_the_one_the_service_listens_on_and_the_health_check_asks()
    {
        var port = _file.Final.Environment["ASPNETCORE_HTTP_PORTS"];
        Assert.Equal([port], _file.Final.All("EXPOSE"));
        var check = _file.Final.HealthCheckCommand;
        Assert.Equal([.. _file.Final.Entrypoint, "--health-check", $"http://127.0.0.1:{port}/health/ready"], check);
    }

    [Fact]
    public void The_ignore_file_leaves_out_build_output_and_docker_reads_the_same_file()
    {
        var ignore = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".containerignore"));
        Assert.Equal(ignore, File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".dockerignore")));
        Assert.Contains("**/bin/", ignore.Split('\n'));
        Assert.Contains("**/obj/", ignore.Split('\n'));
    }
}
