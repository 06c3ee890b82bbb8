package org.filesync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for 127.0.0.1 and localhost, made with the JDK's keytool (no
 * other tool needed): as a PKCS12 key store (Apache FtpServer) and as PEM certificate and key
 * (vsftpd; the PEM certificate is also what a job's {@code certificate:} would name).
 */
public record TestCertificate(Path keyStore, Path certificatePem, Path privateKeyPem) {

    public static final String STORE_PASSWORD = "changeit";

    /** Creates the files in {@code dir} for the host names in {@code subjectAlternativeNames} (keytool -ext SAN=...). */
    public static TestCertificate create(Path dir, String subjectAlternativeNames) {
        try {
            Files.createDirectories(dir);
            Path store = dir.resolve("server.p12");
            Files.deleteIfExists(store);
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "3", "-dname", "CN=filesync test server",
                    "-ext", "SAN=" + subjectAlternativeNames, "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, STORE_PASSWORD.toCharArray());
            }
            Certificate certificate = keys.getCertificate("server");
            Key key = keys.getKey("server", STORE_PASSWORD.toCharArray());
            Path certificatePem = dir.resolve("server-cert.pem");
            Path keyPem = dir.resolve("server-key.pem");
            Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
            return new TestCertificate(store, certificatePem, keyPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For 127.0.0.1 and localhost. */
    public static TestCertificate forLoopback(Path dir) {
        return create(dir, "ip:127.0.0.1,dns:localhost");
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return String.join("\n", List.of("-----BEGIN " + type + "-----", body, "-----END " + type + "-----", ""));
    }
}
