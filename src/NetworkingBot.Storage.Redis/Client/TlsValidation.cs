using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// TLS client settings: the system's trust store by default; with <see cref="RedisConnectionOptions.SslCaFile"/>,
/// a chain to that CA is also accepted (managed and self-hosted Redis often use a private CA). The host name
/// is always checked.
/// </summary>
internal static class TlsValidation
{
    public static SslClientAuthenticationOptions For(RedisConnectionOptions options)
    {
        var settings = new SslClientAuthenticationOptions { TargetHost = options.SslHost ?? options.Host };
        if (options.SslCaFile is { } file)
        {
            X509Certificate2 ca;
            try
            {
                ca = X509Certificate2.CreateFromPem(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new RedisConnectionException($"sslCaFile '{file}' cannot be read as a PEM certificate: {ex.Message}", ex, transient: false);
            }

            settings.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && ChainsTo(ca, certificate));
        }

        return settings;
    }

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
