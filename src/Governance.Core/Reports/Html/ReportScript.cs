using System.Security.Cryptography;
using System.Text;

namespace Governance.Core.Reports.Html;

/// <summary>
/// The one script an HTML report carries: free-text search over the rows the filters show. The filters themselves are CSS
/// and work without it; the search box stays hidden until the script shows it, so a page with scripts off has no dead control.
/// </summary>
/// <remarks>
/// The service allows exactly this text through its reports' Content-Security-Policy, by <see cref="ContentSecurityPolicySource"/>:
/// changing a character changes the hash, and the page and the policy change together because both read it here.
/// </remarks>
public static class ReportScript
{
    /// <summary>The script, exactly as the report's <c>&lt;script&gt;</c> element holds it.</summary>
    public const string Text =
        "(()=>{const f=document.querySelector('form.filters'),b=f&&f.querySelector('.search');if(!b)return;"
        + "const q=b.querySelector('input'),rows=[...document.querySelectorAll('.f-row')],texts=rows.map(r=>r.textContent.toLowerCase());"
        + "const apply=()=>{const w=q.value.toLowerCase().split(/\\s+/).filter(Boolean);rows.forEach((r,i)=>{r.hidden=!w.every(x=>texts[i].includes(x));});};"
        + "b.hidden=false;q.addEventListener('input',apply);f.addEventListener('reset',()=>setTimeout(apply));})();";

    /// <summary>The CSP source that allows <see cref="Text"/> and no other script: <c>'sha256-…'</c>.</summary>
    public static string ContentSecurityPolicySource { get; } = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Text)))}'";
}
