using Governance.Api.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Governance.Api.Tests.Setup;

/// <summary>The metrics port joins the addresses the service was given, never replaces them.</summary>
public sealed class MetricsPortAddressTests
{
    [Theory]
    [InlineData("urls", "http://10.0.0.5:8080;https://10.0.0.5:8443", "http://10.0.0.5:8080;https://10.0.0.5:8443;http://*:9464")]
    [InlineData("http_ports", "8080", "http://*:8080;http://*:9464")]
    [InlineData("Irrelevant:Setting", "x", "http://localhost:5000;http://*:9464")]
    public void Add_GivenAddresses_KeepsThemAndAddsThePort(string key, string value, string expected)
    {
        // Arrange: whatever the machine's ASPNETCORE_* variables say, only this case's setting
        var builder = WebApplication.CreateBuilder();
        foreach (var given in new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey })
        {
            builder.Configuration[given] = "";
        }
        builder.Configuration[key] = value;

        // Act
        MetricsPortAddress.Add(builder, 9464);

        // Assert
        Assert.Equal(expected, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void Add_KestrelEndpointsConfigured_LeavesTheAddressesToThem()
    {
        // Arrange
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[WebHostDefaults.ServerUrlsKey] = "";
        builder.Configuration["Kestrel:Endpoints:Api:Url"] = "http://0.0.0.0:8080";

        // Act
        MetricsPortAddress.Add(builder, 9464);

        // Assert
        Assert.True(string.IsNullOrEmpty(builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)), "Kestrel:Endpoints win over any list; the operator adds the metrics endpoint there");
    }
}
