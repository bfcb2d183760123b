namespace Governance.Api.Tests.Endpoints;

/// <summary>Submissions that must be refused with 400, and the field the problem must name.</summary>
public static class MalformedBodies
{
    public static TheoryData<string, string> All => new()
    {
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"x","durationHours":"eight"}""", "durationHours" },
        { """{"permissionSet":"lake-write","resources":"arn:aws:s3:::lake-x/*","targetRole":"data-engineer","justification":"x","durationHours":8}""", "resources" },
        { """{"permissionSet":"lake-write",""", "body" },
        { """{"permissionSet":"no-such-set","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"x","durationHours":8}""", "permissionSet" },
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/*","arn:aws:s3:::finance-reports/*"],"targetRole":"data-engineer","justification":"x","durationHours":8}""", "resources[1]" },
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"x","durationHours":13}""", "durationHours" },
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"   ","durationHours":8}""", "justification" },
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"no-such-role","justification":"x","durationHours":8}""", "targetRole" },
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"alice","justification":"x","durationHours":8}""", "targetRole" },
        { """{"permissionSet":"lake-write","resources":[],"targetRole":"data-engineer","justification":"x","durationHours":8}""", "resources" },
        { """{"resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"x","durationHours":8}""", "permissionSet" },
        { """{"permissionSet":"lake-read","resources":["arn:aws:s3:::lak?-x"],"targetRole":"data-engineer","justification":"x","durationHours":8}""", "resources[0]" },
        { """{"permissionSet":"lake-read","resources":["arn:aws:s3:::*"],"targetRole":"data-engineer","justification":"x","durationHours":8}""", "resources[0]" },
        // Strict types (issue 15): a number in a string is not a number, and an ARN holds no quote, NUL or control character.
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"x","durationHours":"8"}""", "durationHours" },
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/\"*"],"targetRole":"data-engineer","justification":"x","durationHours":8}""", "resources[0]" },
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/\u0000*"],"targetRole":"data-engineer","justification":"x","durationHours":8}""", "resources[0]" },
        { """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/\u001b[31m*"],"targetRole":"data-engineer","justification":"x","durationHours":8}""", "resources[0]" },
    };
}
