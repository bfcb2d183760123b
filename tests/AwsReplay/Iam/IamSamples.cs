using System.Text.Json;
using System.Xml.Linq;

namespace AwsReplay.Iam;

/// <summary>
/// The IAM API Reference's sample responses (tests/data/aws/iam, copied beside each test assembly as TestData/aws/iam),
/// and the changes that make them look like live answers.
/// </summary>
public static class IamSamples
{
    /// <summary>The marker of the GetAccountAuthorizationDetails sample, without the reference's line wrap.</summary>
    public const string AccountAuthorizationDetailsMarker =
        "EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl/eeaCX3Jo94/bKqezEAg8TEVS99EKFLxm3jtbpl25FDWEXAMPLE";

    /// <summary>A sample response as published, e.g. <c>get-role.xml</c>.</summary>
    public static string Load(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "aws", "iam", file));

    /// <summary>The response with its policy documents URL-encoded (RFC 3986), as the live API sends them; the reference prints them decoded.</summary>
    public static string EncodeDocuments(string xml)
    {
        var document = XDocument.Parse(xml);
        foreach (var e in document.Descendants().Where(static e => e.Name.LocalName is "PolicyDocument" or "AssumeRolePolicyDocument" or "Document"))
            e.Value = Uri.EscapeDataString(e.Value.Trim());
        return document.ToString();
    }

    /// <summary>
    /// The GetAccountAuthorizationDetails sample as two live pages, split where it says IsTruncated: the users with
    /// <see cref="AccountAuthorizationDetailsMarker"/>, then the groups, roles and policies; documents URL-encoded.
    /// </summary>
    public static (string First, string Second) AccountAuthorizationDetailsPages()
    {
        var sample = EncodeDocuments(Load("get-account-authorization-details.xml"));
        var first = XDocument.Parse(sample);
        var second = XDocument.Parse(sample);
        Remove(first, "GroupDetailList", "RoleDetailList", "Policies");
        Result(first).Elements().Single(static e => e.Name.LocalName == "Marker").Value = AccountAuthorizationDetailsMarker;
        Remove(second, "UserDetailList", "Marker");
        Result(second).Elements().Single(static e => e.Name.LocalName == "IsTruncated").Value = "false";
        return (first.ToString(), second.ToString());
    }

    /// <summary>
    /// One GetAccountAuthorizationDetails page in the documented XML shape holding a snapshot in the CLI's JSON (for
    /// example policies/demo-account.json): lists as <c>member</c> elements, policy documents URL-encoded.
    /// </summary>
    public static string AccountAuthorizationDetailsPage(string snapshotJson, string requestId)
    {
        XNamespace ns = ReplayResponse.IamNamespace;
        using var snapshot = JsonDocument.Parse(snapshotJson);
        var result = new XElement(ns + "GetAccountAuthorizationDetailsResult", new XElement(ns + "IsTruncated", "false"));
        foreach (var list in snapshot.RootElement.EnumerateObject())
            result.Add(ToXml(ns, list.Name, list.Value));
        return new XDocument(new XElement(ns + "GetAccountAuthorizationDetailsResponse", result,
            new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", requestId)))).ToString();
    }

    private static XElement ToXml(XNamespace ns, string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => new XElement(ns + name, value.EnumerateArray().Select(item => ToXml(ns, "member", item))),
        JsonValueKind.Object when name is "PolicyDocument" or "AssumeRolePolicyDocument" or "Document"
            => new XElement(ns + name, Uri.EscapeDataString(value.GetRawText())),
        JsonValueKind.Object => new XElement(ns + name, value.EnumerateObject().Select(p => ToXml(ns, p.Name, p.Value))),
        JsonValueKind.True => new XElement(ns + name, "true"),
        JsonValueKind.False => new XElement(ns + name, "false"),
        JsonValueKind.String => new XElement(ns + name, value.GetString()),
        _ => new XElement(ns + name, value.GetRawText()),
    };

    private static XElement Result(XDocument d) => d.Root!.Elements().Single(static e => e.Name.LocalName == "GetAccountAuthorizationDetailsResult");

    private static void Remove(XDocument d, params string[] names) => Result(d).Elements().Where(e => names.Contains(e.Name.LocalName)).Remove();
}
