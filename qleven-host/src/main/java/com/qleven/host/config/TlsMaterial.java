package com.qleven.host.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Turns the PEM files operators get from their CA or from certbot into an {@link SSLContext},
 * with the JDK only: a certificate chain, and an unencrypted private key in PKCS#8
 * ({@code BEGIN PRIVATE KEY}, RSA or EC) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
 */
public final class TlsMaterial {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private TlsMaterial() {
    }

    /** @throws ConfigException naming the variable whose file cannot be used */
    public static SSLContext sslContext(HostConfig.Tls tls) {
        List<Certificate> chain = certificates(tls);
        PrivateKey key = privateKey(tls);
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("qleven", key, password, chain.toArray(Certificate[]::new));
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException(HostConfig.TLS_KEY + " does not match the certificate in "
                    + HostConfig.TLS_CERT + ": " + e.getMessage());
        }
    }

    private static List<Certificate> certificates(HostConfig.Tls tls) {
        byte[] bytes = read(HostConfig.TLS_CERT, tls);
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            if (certificates.isEmpty()) {
                throw new ConfigException(HostConfig.TLS_CERT + " (" + tls.certificate() + ") holds no certificate");
            }
            return new ArrayList<>(certificates);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(HostConfig.TLS_CERT + " (" + tls.certificate()
                    + ") is not a PEM certificate chain: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(HostConfig.Tls tls) {
        // Latin-1 maps every byte, so a binary file fails as "no PEM key" rather than as a decoding error.
        String text = new String(read(HostConfig.TLS_KEY, tls), StandardCharsets.ISO_8859_1);
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw badKey(tls, "its base64 is damaged");
            }
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(tls, der);
                case "RSA PRIVATE KEY":
                    return pkcs8(tls, rsaPkcs1ToPkcs8(der));
                case "ENCRYPTED PRIVATE KEY":
                    throw badKey(tls, "the key is encrypted; give the host an unencrypted key readable only by it");
                case "EC PRIVATE KEY":
                    throw badKey(tls, "convert the EC key to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
                default:
                    // other blocks (EC PARAMETERS, a certificate bundled in) are skipped
            }
        }
        throw badKey(tls, "no PEM private key found");
    }

    private static PrivateKey pkcs8(HostConfig.Tls tls, byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw badKey(tls, "the key is neither RSA nor EC nor Ed25519");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo with the rsaEncryption algorithm id. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
                0x01, 0x05, 0x00};
        byte[] octets = der(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.writeBytes(octets);
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] read(String variable, HostConfig.Tls tls) {
        var path = variable.equals(HostConfig.TLS_CERT) ? tls.certificate() : tls.privateKey();
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException(variable + " names " + path + ", which cannot be read: " + e.getMessage());
        }
    }

    private static ConfigException badKey(HostConfig.Tls tls, String why) {
        return new ConfigException(HostConfig.TLS_KEY + " (" + tls.privateKey() + ") cannot be used: " + why);
    }
}
