package org.filesync.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which server certificates a session accepts: those the JVM's trust store vouches for, plus
 * those chaining to the job's PEM file (the server's own certificate or its CA). Host names are
 * checked by the TLS layer (HTTPS-style endpoint identification) through the socket variants of
 * the checks, which is why this is an {@link X509ExtendedTrustManager}.
 */
public final class CertificateTrust {

    private CertificateTrust() {
    }

    /** The trust manager for {@code server}: verifying, or accepting anything when verification is off. */
    static X509ExtendedTrustManager forEndpoint(FtpEndpoint server) throws FtpConnectionException {
        if (!server.verifyCertificate()) {
            return new AcceptingAll();
        }
        try {
            return trusting(server.certificate());
        } catch (IOException | GeneralSecurityException e) {
            throw new FtpConnectionException("cannot read the trusted certificate " + server.certificate() + ": "
                    + e.getMessage(), e, true);
        }
    }

    /**
     * Trusts what the JVM's trust store vouches for and what chains to the certificates in
     * {@code pem} (null: the JVM's alone), for any TLS client (FTP sessions, SMTP).
     */
    public static X509ExtendedTrustManager trusting(Path pem) throws IOException, GeneralSecurityException {
        List<X509ExtendedTrustManager> managers = new ArrayList<>();
        managers.add(trustManager(null));
        if (pem != null) {
            managers.add(trustManager(keyStoreOf(pem)));
        }
        return new FirstThatTrusts(managers);
    }

    private static KeyStore keyStoreOf(Path pem) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in " + pem);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("trusted-" + i++, certificate);
        }
        return store;
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X509ExtendedTrustManager from " + factory.getAlgorithm());
    }

    /** Trusts a chain when any of its delegates does; otherwise fails with the first delegate's reason. */
    private static final class FirstThatTrusts extends ServerOnlyTrustManager {

        private interface Check {
            void run(X509ExtendedTrustManager manager) throws CertificateException;
        }

        private final List<X509ExtendedTrustManager> delegates;

        FirstThatTrusts(List<X509ExtendedTrustManager> delegates) {
            this.delegates = List.copyOf(delegates);
        }

        private void anyOf(Check check) throws CertificateException {
            CertificateException first = null;
            for (X509ExtendedTrustManager delegate : delegates) {
                try {
                    check.run(delegate);
                    return;
                } catch (CertificateException e) {
                    first = first == null ? e : first;
                }
            }
            throw first;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            anyOf(m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            anyOf(m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            anyOf(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegates.stream().flatMap(d -> java.util.Arrays.stream(d.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }

    /** verifyCertificate: false — chain and host name both unchecked, by the job's explicit choice. */
    private static final class AcceptingAll extends ServerOnlyTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** A trust manager for the client side only: filesync never accepts TLS clients. */
    private abstract static class ServerOnlyTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("filesync never accepts TLS clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("filesync never accepts TLS clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("filesync never accepts TLS clients");
        }
    }
}
