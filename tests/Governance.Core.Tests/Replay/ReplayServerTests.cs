using System.Net;
using System.Xml.Linq;
using AwsReplay;

namespace Governance.Core.Tests.Replay;

public sealed class ReplayServerTests
{
    private static FormUrlEncodedContent Form(string action) => new(new Dictionary<string, string> { ["Action"] = action, ["Version"] = "2010-05-08" });

    [Fact]
    public async Task Post_FormBody_IsRecordedWithItsParameters()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Enqueue(ReplayResponse.Xml("<GetRoleResponse/>", "req-1"));
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.Endpoint, "/?x=1%202"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "GetRole",
            ["RoleName"] = "data engineer",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-1", response.Headers.GetValues("x-amzn-RequestId").Single());
        var recorded = Assert.Single(server.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/", recorded.Path);
        Assert.Equal("x=1%202", recorded.Query);
        Assert.Equal("GetRole", recorded.Action);
        Assert.Equal("data engineer", recorded.Parameters["RoleName"]);
        Assert.Equal("1 2", recorded.Parameters["x"]);
        Assert.Equal(server.Endpoint.Authority, recorded.Header("Host"));
    }

    [Fact]
    public async Task Answer_ActionQueueBeforeAnyQueueBeforeRules()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Handle(r => r.Action == "GetRole" ? ReplayResponse.Xml("<rule/>") : null);
        server.Enqueue(ReplayResponse.Xml("<any/>"));
        server.Enqueue("GetRole", ReplayResponse.Xml("<action/>"));
        using var http = new HttpClient();

        var bodies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync(server.Endpoint, Form("GetRole"));
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(["<action/>", "<any/>", "<rule/>"], bodies);
    }

    [Fact]
    public async Task Answer_NothingMatches_ReturnsQueryErrorNamingTheAction()
    {
        await using var server = await ReplayServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(server.Endpoint, Form("ListRoles"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants().Single(e => e.Name.LocalName == "Code");
        Assert.Equal("ReplayUnmatched", error.Value);
    }

    [Fact]
    public void QueryError_EscapesMessageAndCarriesRequestId()
    {
        var error = ReplayResponse.QueryError(404, "NoSuchEntity", "role <x> & y", "rid-9");

        var xml = XDocument.Parse(error.Body);
        XNamespace ns = ReplayResponse.IamNamespace;
        Assert.Equal("role <x> & y", xml.Root!.Element(ns + "Error")!.Element(ns + "Message")!.Value);
        Assert.Equal("Sender", xml.Root!.Element(ns + "Error")!.Element(ns + "Type")!.Value);
        Assert.Equal("rid-9", xml.Root!.Element(ns + "RequestId")!.Value);
        Assert.Equal("rid-9", error.RequestId);
    }
}
