using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NetworkingBot.Storage.Redis.Client;
using StackExchange.Redis;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>TLS against a redis-server of the test's own, with a private CA made here.</summary>
public sealed class TlsTests
{
    [RedisFact]
    public async Task Tls_with_the_servers_ca_works_and_without_it_the_handshake_is_refused_clearly()
    {
        await using var server = await PrivateRedisServer.StartAsync(WriteCertificates);
        var address = $"127.0.0.1:{server.Port},ssl=true,sslHost=localhost,connectTimeout=15000";
        await using var trusted = new RedisConnection(RedisConnectionOptions.Parse($"{address},sslCaFile={Path.Combine(server.Directory, "ca.pem")}"));
        await using var untrusted = new RedisConnection(RedisConnectionOptions.Parse($"{address}"));
        await using var wrongName = new RedisConnection(RedisConnectionOptions.Parse(
            $"127.0.0.1:{server.Port},ssl=true,sslHost=other.example,connectTimeout=15000,sslCaFile={Path.Combine(server.Directory, "ca.pem")}"));

        Assert.Equal("PONG", (await trusted.ExecuteAsync(["PING"])).AsString());
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => untrusted.ExecuteAsync(["PING"]));
        Assert.StartsWith($"cannot reach Redis at 127.0.0.1:{server.Port}: TLS handshake failed", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RedisConnectionException>(() => wrongName.ExecuteAsync(["PING"]));
    }

    /// <summary>A CA and a server certificate for "localhost" signed by it, as PEM files; TLS replaces plain TCP on the port.</summary>
    private static string[] WriteCertificates(string directory, int port)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=NetworkingBot test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var leaf = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);

        File.WriteAllText(Path.Combine(directory, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "server.pem"), leaf.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            "--port", "0", "--tls-port", portText,
            "--tls-cert-file", Path.Combine(directory, "server.pem"), "--tls-key-file", Path.Combine(directory, "server.key"),
            "--tls-ca-cert-file", Path.Combine(directory, "ca.pem"), "--tls-auth-clients", "no",
        ];
    }
}
