using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Governance.Api.Tests.Console.Infrastructure.Oidc;

/// <summary>
/// A self-signed certificate for 127.0.0.1 and localhost, made for one test run, so the test identity provider serves
/// https as the service demands of an authority; whoever talks to it trusts this certificate by its thumbprint alone.
/// </summary>
public static class TestCertificate
{
    public static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=iamgov test identity provider", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Through PKCS#12, so that SslStream gets a key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A handler that trusts <paramref name="certificate"/> and nothing else self-signed.</summary>
    public static HttpClientHandler TrustingHandler(X509Certificate2 certificate) => new()
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, errors)
            => errors == System.Net.Security.SslPolicyErrors.None || presented?.Thumbprint == certificate.Thumbprint,
    };
}
