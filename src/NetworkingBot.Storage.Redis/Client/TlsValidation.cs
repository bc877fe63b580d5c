using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// With <c>sslCaFile</c>, a server certificate that chains to that CA is accepted as well as one the system trusts
/// (managed and self-hosted Redis often use a private CA). Only a chain error is forgiven: a wrong host name is
/// still refused. StackExchange.Redis calls this as its certificate validation callback.
/// </summary>
internal static class TlsValidation
{
    public static X509Certificate2 ReadCa(string file)
    {
        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new FormatException($"sslCaFile '{file}' cannot be read as a PEM certificate: {ex.Message}", ex);
        }
    }

    public static RemoteCertificateValidationCallback TrustingCa(X509Certificate2 ca) => (_, certificate, _, errors) =>
        errors == SslPolicyErrors.None
        || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && ChainsTo(ca, certificate));

    private static bool ChainsTo(X509Certificate2 ca, X509Certificate certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
