package io.onlineuser.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time with BouncyCastle, written as PEM files (and a PKCS#12 keystore)
 * into a directory: a CA, an agent certificate for 127.0.0.1/localhost signed by it, a collector
 * client certificate signed by it, a second CA with its own client certificate, and an agent
 * certificate for another host name.
 */
public final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Makes every certificate and key under {@code dir}. */
    public static TestPki create(Path dir) throws IOException {
        try {
            TestPki pki = new TestPki(dir);
            Issued ca = pki.ca("CN=onlineuser test CA", "ca");
            Issued otherCa = pki.ca("CN=some other CA", "other-ca");
            pki.leaf(ca, "CN=agent", "server", true, new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost"));
            pki.leaf(ca, "CN=agent elsewhere", "elsewhere", true, new GeneralName(GeneralName.dNSName, "elsewhere.example"));
            pki.leaf(ca, "CN=collector,O=ops", "client", false);
            pki.leaf(ca, "CN=intruder,O=ops", "intruder", false);
            pki.leaf(otherCa, "CN=collector,O=elsewhere", "other-client", false);
            return pki;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("test certificates cannot be made: " + e, e);
        }
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path otherCaPem() {
        return dir.resolve("other-ca.pem");
    }

    /** The agent's certificate for 127.0.0.1 and localhost, signed by {@link #caPem()}. */
    public Path serverPem() {
        return dir.resolve("server.pem");
    }

    public Path serverKeyPem() {
        return dir.resolve("server-key.pem");
    }

    /** The agent's key and certificate with the CA, in PKCS#12 with password {@link #keystorePassword()}. */
    public Path serverKeystore() {
        return dir.resolve("server.p12");
    }

    public String keystorePassword() {
        return "keystore-s3cret";
    }

    /** An agent certificate signed by the CA for {@code elsewhere.example} only. */
    public Path elsewherePem() {
        return dir.resolve("elsewhere.pem");
    }

    public Path elsewhereKeyPem() {
        return dir.resolve("elsewhere-key.pem");
    }

    /** The collector's client certificate, {@code CN=collector,O=ops}, signed by the CA. */
    public Path clientPem() {
        return dir.resolve("client.pem");
    }

    public Path clientKeyPem() {
        return dir.resolve("client-key.pem");
    }

    /** A client certificate of the same CA for another subject, {@code CN=intruder,O=ops}. */
    public Path intruderPem() {
        return dir.resolve("intruder.pem");
    }

    public Path intruderKeyPem() {
        return dir.resolve("intruder-key.pem");
    }

    /** A client certificate signed by the other CA. */
    public Path otherClientPem() {
        return dir.resolve("other-client.pem");
    }

    public Path otherClientKeyPem() {
        return dir.resolve("other-client-key.pem");
    }

    private record Issued(X500Name name, KeyPair keys, X509Certificate certificate) {
    }

    private Issued ca(String subject, String file) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        KeyPair keys = rsa();
        X500Name name = new X500Name(subject);
        X509v3CertificateBuilder builder = builder(name, name, keys);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate certificate = sign(builder, keys);
        writePem(dir.resolve(file + ".pem"), certificate);
        return new Issued(name, keys, certificate);
    }

    private void leaf(Issued ca, String subject, String file, boolean server, GeneralName... names)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair keys = rsa();
        X509v3CertificateBuilder builder = builder(ca.name(), new X500Name(subject), keys);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
        if (names.length > 0) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        X509Certificate certificate = sign(builder, ca.keys());
        writePem(dir.resolve(file + ".pem"), certificate);
        writePem(dir.resolve(file + "-key.pem"), new JcaPKCS8Generator(keys.getPrivate(), null));
        if ("server".equals(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("agent", keys.getPrivate(), keystorePassword().toCharArray(),
                    new Certificate[] {certificate, ca.certificate()});
            store.setCertificateEntry("ca", ca.certificate());
            try (OutputStream out = Files.newOutputStream(serverKeystore())) {
                store.store(out, keystorePassword().toCharArray());
            }
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(object);
        }
    }
}
