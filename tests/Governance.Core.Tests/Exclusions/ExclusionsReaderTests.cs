using System.Text;
using CsCheck;
using Governance.Core.Drift;
using Governance.Core.Exclusions;
using TestSupport.Hostile;
using TestSupport.Paths;

namespace Governance.Core.Tests.Exclusions;

public sealed class ExclusionsReaderTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static ExclusionsReadResult Read(string json, DateTimeOffset? now = null)
        => ExclusionsReader.Read(Encoding.UTF8.GetBytes(json), "exclusions.json", now ?? Today, DriftExclusions.KnownRules);

    private static string Entry(string finding = """{"rule":"AdminEquivalent"}""", string expires = "2027-03-31")
        => $$"""{"finding":{{finding}},"reason":"break-glass role","approvedBy":"alice@example.com","expires":"{{expires}}"}""";

    [Fact]
    public void Read_RepositoryFile_ReadsEveryEntryWithItsPlace()
    {
        // Act
        var read = ExclusionsReader.Read(File.ReadAllBytes(Path.Combine(RepositoryPaths.Policies, "exclusions.json")), "policies/exclusions.json", Today,
            DriftExclusions.KnownRules);

        // Assert
        Assert.True(read.Success, string.Join("\n", read.Problems));
        var entry = Assert.Single(read.Set.Entries);
        Assert.Equal(("AdminEquivalent", "777788889999"), (entry.Finding.Rule, entry.Finding.Account));
        Assert.Equal("policies/exclusions.json:3:5", entry.Place);
    }

    [Fact]
    public void Read_CompleteEntry_KeepsReasonApproverAndExpiry()
    {
        // Act
        var read = Read($$"""{"exclusions":[{{Entry("""{"principal":"role/etl-*","account":"111122223333","resource":"arn:aws:s3:::lake-*","fingerprint":"0123456789abcdef"}""")}}]}""");

        // Assert
        Assert.True(read.Success, string.Join("\n", read.Problems));
        var entry = Assert.Single(read.Set.Entries);
        Assert.Equal(new ExclusionMatch(null, "role/etl-*", "111122223333", "arn:aws:s3:::lake-*", "0123456789abcdef"), entry.Finding);
        Assert.Equal(("break-glass role", "alice@example.com", new DateOnly(2027, 3, 31)), (entry.Reason, entry.ApprovedBy, entry.Expires));
        Assert.Equal((1, 16), (entry.Line, entry.Column));
    }

    [Theory]
    [InlineData("reason", "required field `reason` is missing")]
    [InlineData("approvedBy", "required field `approvedBy` is missing")]
    [InlineData("expires", "required field `expires` is missing")]
    [InlineData("finding", "required field `finding` is missing")]
    public void Read_EntryWithoutAField_IsAnErrorAtTheEntry(string field, string message)
    {
        // Arrange: the entry on line 3, column 5
        var entry = new Dictionary<string, string>
        {
            ["finding"] = """{"rule":"AdminEquivalent"}""", ["reason"] = "\"ok\"", ["approvedBy"] = "\"alice\"", ["expires"] = "\"2027-01-31\"",
        };
        entry.Remove(field);
        var json = "{\n  \"exclusions\": [\n    {" + string.Join(", ", entry.Select(static p => $"\"{p.Key}\": {p.Value}")) + "}\n  ]\n}";

        // Act
        var read = Read(json);

        // Assert
        Assert.False(read.Success);
        var problem = Assert.Single(read.Problems);
        Assert.Equal($"exclusions.json:3:5: exclusions[0]: {message}", problem.ToString()[..(problem.ToString().IndexOf(message, StringComparison.Ordinal) + message.Length)]);
    }

    [Theory]
    [InlineData("""{"rule":"DataExfiltraton"}""", "exclusions[0].finding.rule", "unknown rule `DataExfiltraton`; expected a risk category, an escalation path id or a drift kind; did you mean `DataExfiltration`?")]
    [InlineData("""{"account":"1111"}""", "exclusions[0].finding.account", "expected a 12-digit account id, found `1111`")]
    [InlineData("""{"fingerprint":"xyz"}""", "exclusions[0].finding.fingerprint", "expected a fingerprint of 16 hex digits as the JSON report prints it, found `xyz`")]
    [InlineData("""{}""", "exclusions[0].finding", "matches every finding; name at least one of `rule`, `principal`, `account`, `resource`, `fingerprint`")]
    [InlineData("""{"rule":"AdminEquivalent","title":"x"}""", "exclusions[0].finding.title", "unknown field `title`; expected one of `rule`, `principal`, `account`, `resource`, `fingerprint`")]
    [InlineData("""{"principal":""}""", "exclusions[0].finding.principal", "expected a non-empty string, found an empty one")]
    [InlineData("""{"principal":7}""", "exclusions[0].finding.principal", "expected a non-empty string, found a number")]
    [InlineData("\"AdminEquivalent\"", "exclusions[0].finding", "expected an object with `rule`, `principal`, `account`, `resource` or `fingerprint`, found a string")]
    public void Read_InvalidMatch_IsAnErrorWithPathAndMessage(string finding, string path, string message)
    {
        // Act
        var read = Read($$"""{"exclusions":[{{Entry(finding)}}]}""");

        // Assert
        var problem = Assert.Single(read.Problems);
        Assert.Equal((path, message), (problem.Path, problem.Message));
        Assert.Null(read.Set);
    }

    [Theory]
    [InlineData("2027-02-30", "expected a date as YYYY-MM-DD, found `2027-02-30`")]
    [InlineData("31/03/2027", "expected a date as YYYY-MM-DD, found `31/03/2027`")]
    [InlineData("2027-12-02", "`2027-12-02` is more than 1 year ahead; an accepted risk is reviewed at least yearly, so expire it by 2027-12-01")]
    public void Read_InvalidExpiry_IsAnErrorAtTheValue(string expires, string message)
    {
        // Act
        var read = Read("{\"exclusions\":[\n" + Entry(expires: expires) + "]}");

        // Assert
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("exclusions[0].expires", message, 2), (problem.Path, problem.Message, problem.Line));
        Assert.Equal(Entry(expires: expires).IndexOf($"\"{expires}\"", StringComparison.Ordinal) + 1, problem.Column);
    }

    [Fact]
    public void Read_ExpiryExactlyAYearAheadOrPast_IsAccepted()
    {
        // Act: a past expiry is the run's warning, not the file's error
        var read = Read($$"""{"exclusions":[{{Entry(expires: "2027-12-01")}},{{Entry(expires: "2020-01-01")}}]}""");

        // Assert
        Assert.True(read.Success, string.Join("\n", read.Problems));
        Assert.Equal([new DateOnly(2027, 12, 1), new DateOnly(2020, 1, 1)], read.Set.Entries.Select(static e => e.Expires));
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOneInOrderOfPlace()
    {
        // Act
        var read = Read("{\"exclusions\":[\n" + Entry(expires: "soon") + ",\n" + Entry("""{"account":"x"}""") + ",\n42],\n\"extra\":1}");

        // Assert
        Assert.Equal([(2, "exclusions[0].expires"), (3, "exclusions[1].finding.account"), (4, "exclusions[2]"), (5, "extra")],
            read.Problems.Select(static p => (p.Line, p.Path)));
    }

    [Theory]
    [InlineData("[]", "expected an object with `exclusions`, found an array")]
    [InlineData("{}", "required field `exclusions` is missing (an array of entries)")]
    [InlineData("""{"exclusions":{}}""", "expected an array of entries, found an object")]
    public void Read_WrongShape_SaysWhatWasExpected(string json, string message)
    {
        // Act
        var read = Read(json);

        // Assert
        Assert.Equal(message, Assert.Single(read.Problems).Message);
    }

    [Fact]
    public void Read_CommentsAndEmptyList_Read()
    {
        // Act
        var read = Read("// reviewed in PR 42\n{ /* none yet */ \"exclusions\": [] }");

        // Assert
        Assert.True(read.Success);
        Assert.Empty(read.Set.Entries);
    }

    [Fact]
    public void Read_KeyTwice_IsRefusedWithItsPlace()
    {
        // Act: which of two reasons was approved cannot be told
        var read = Read("{\"exclusions\":[{\"finding\":{\"rule\":\"AdminEquivalent\"},\"reason\":\"a\",\n\"reason\":\"b\",\"approvedBy\":\"x\",\"expires\":\"2027-01-01\"}]}");

        // Assert
        var problem = Assert.Single(read.Problems);
        Assert.Equal((2, 1, "exclusions[0].reason"), (problem.Line, problem.Column, problem.Path));
        Assert.StartsWith("duplicate key `reason`", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D }, "invalid UTF-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00 }, "UTF-16")]
    public void Read_NotUtf8_IsAnErrorAtItsPlace(byte[] bytes, string expected)
    {
        // Act
        var read = ExclusionsReader.Read(bytes, "exclusions.json", Today, DriftExclusions.KnownRules);

        // Assert
        var problem = Assert.Single(read.Problems);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, problem.Line);
    }

    [Theory]
    [InlineData("""{"exclusions":[{"reason":"a\x"}]}""", "invalid")]
    [InlineData("""{"exclusions":[{"reason":"\ud800"}]}""", "lone surrogate")]
    [InlineData("""{"exclusions":[{"reason":"\u12G4"}]}""", "invalid")]
    public void Read_BrokenEscape_IsAnErrorWithLineAndColumn(string json, string expected)
    {
        // Act
        var read = Read(json);

        // Assert
        var problem = Assert.Single(read.Problems);
        Assert.Contains(expected, problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, problem.Line);
        Assert.True(problem.Column > 20, $"the column points into the string, not at the start: {problem}");
    }

    [Fact]
    public void Read_FileOverTheBound_IsRefusedBeforeItIsRead()
    {
        // Arrange: a valid document of 2 MiB
        var big = $$"""{"exclusions":[{{Entry()}}],"pad":"{{new string('a', 2 * 1024 * 1024)}}"}""";

        // Act
        var read = Read(big);

        // Assert
        Assert.StartsWith($"the file is {Encoding.UTF8.GetByteCount(big)} bytes; at most {ExclusionsReader.MaxBytes} are read", Assert.Single(read.Problems).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeepNesting_IsAnErrorNotAStackOverflow()
    {
        // Act
        var read = Read("{\"exclusions\":" + new string('[', 100_000) + new string(']', 100_000) + "}");

        // Assert
        Assert.Contains("deep", Assert.Single(read.Problems).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_HostileBytesAroundAValidFile_AlwaysAnErrorWithAPlaceNeverAnException()
    {
        // Arrange
        var valid = Encoding.UTF8.GetBytes($$"""{"exclusions":[{{Entry("""{"rule":"AdminEquivalent","principal":"arn:aws:iam::111122223333:role/x"}""")}}]}""");

        // Act + Assert
        HostileJson.Around(valid).Sample(bytes =>
        {
            var read = ExclusionsReader.Read(bytes, "exclusions.json", Today, DriftExclusions.KnownRules);
            Assert.True(read.Success != !read.Problems.IsEmpty, "either entries or problems");
            Assert.All(read.Problems, static p => Assert.True(p.Line >= 1 && p.Column >= 1, p.ToString()));
        }, iter: 3_000, threads: 1);
    }

    [Fact]
    public void Read_ArbitraryJsonValues_AlwaysEntriesOrPlacedErrors()
    {
        // Arrange: JSON of any shape built from the file's own keys and values, so that some of it is nearly valid
        var keys = Gen.OneOf("exclusions", "finding", "reason", "approvedBy", "expires", "rule", "principal", "account", "resource", "fingerprint", "x");
        var scalars = Gen.OneOf("\"AdminEquivalent\"", "\"2027-01-31\"", "\"111122223333\"", "\"\"", "0", "true", "null", "\"role/*\"", "\"0123456789abcdef\"");
        var value = Gen.Recursive<string>((depth, self) => depth >= 4
            ? scalars
            : Gen.Frequency(
                (3, scalars),
                (2, self.Array[0, 3].Select(static items => "[" + string.Join(",", items) + "]")),
                (3, Gen.Select(keys, self).Array[0, 5].Select(static props =>
                    "{" + string.Join(",", props.DistinctBy(static p => p.Item1).Select(static p => $"\"{p.Item1}\":{p.Item2}")) + "}"))));

        // Act + Assert
        value.Sample(json =>
        {
            var read = Read(json);
            Assert.True(read.Success != !read.Problems.IsEmpty, json);
            Assert.All(read.Problems, p => Assert.True(p.Line >= 1 && p.Column >= 1 && p.Column <= json.Length + 1, $"{p} in {json}"));
            if (read.Success)
            {
                Assert.All(read.Set.Entries, static e => Assert.True(e.Reason.Length > 0 && e.ApprovedBy.Length > 0, "an entry read is accountable"));
            }
        }, iter: 5_000, threads: 1);
    }
}
