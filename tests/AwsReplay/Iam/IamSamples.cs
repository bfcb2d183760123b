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

    private static XElement Result(XDocument d) => d.Root!.Elements().Single(static e => e.Name.LocalName == "GetAccountAuthorizationDetailsResult");

    private static void Remove(XDocument d, params string[] names) => Result(d).Elements().Where(e => names.Contains(e.Name.LocalName)).Remove();
}
