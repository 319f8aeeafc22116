package io.onlineuser.collector.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * PEM files as operators have them: certificates through the JDK's X.509 factory (which reads PEM
 * itself), and an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) of any algorithm the
 * JDK knows.
 */
final class Pem {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private Pem() {
    }

    static Collection<? extends Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(read(file)));
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(file + " holds no PEM certificate (" + e.getMessage() + ")", e);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(file + " holds no PEM certificate");
        }
        return certificates;
    }

    static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String text = new String(read(file), StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(file + " holds no unencrypted PKCS#8 key ('" + BEGIN + "'); convert it"
                    + " with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException notThisOne) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException(file + " holds a PKCS#8 key of an algorithm this JDK does not know");
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": " + e, e);
        }
    }
}
