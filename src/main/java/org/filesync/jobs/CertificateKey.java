package org.filesync.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import org.filesync.ftp.FailureMessages;

/** A section's {@code certificate}: a PEM file of certificates trusted besides the JVM's, checked when it is read. */
public final class CertificateKey {

    private CertificateKey() {
    }

    /** The file, resolved against {@code folder}; empty when not given, or when unusable (reported). */
    public static Optional<Path> read(YamlMapping section, Path folder) {
        return section.string("certificate").flatMap(text -> {
            Path path = folder.resolve(text).normalize();
            try (InputStream in = Files.newInputStream(path)) {
                if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                    section.error("certificate", "'" + path + "' holds no certificate");
                    return Optional.empty();
                }
                return Optional.of(path);
            } catch (IOException e) {
                section.error("certificate", "cannot read '" + path + "': " + FailureMessages.reason(e));
            } catch (CertificateException e) {
                section.error("certificate", "'" + path + "' is not a PEM certificate: " + e.getMessage());
            }
            return Optional.empty();
        });
    }
}
