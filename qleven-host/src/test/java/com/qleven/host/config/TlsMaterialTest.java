package com.qleven.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {
    @TempDir
    Path dir;

    @Test
    void aPkcs1RsaKeyIsWrappedIntoTheSamePkcs8Key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        byte[] pkcs8 = key.getEncoded();
        byte[] pkcs1 = innerOctets(pkcs8);
        byte[] wrapped = TlsMaterial.rsaPkcs1ToPkcs8(pkcs1);
        assertThat(wrapped).isEqualTo(pkcs8);
        assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapped))).isEqualTo(key);
    }

    @Test
    void filesThatAreNotPemNameTheirVariable() throws Exception {
        Path junk = Files.write(dir.resolve("junk.pem"), new byte[] {0, 1, 2, (byte) 0xff});
        Path text = Files.writeString(dir.resolve("text.pem"), "hello");
        HostConfig.Tls badCert = new HostConfig.Tls(junk, text, 0);
        assertThatThrownBy(() -> TlsMaterial.sslContext(badCert)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("QLEVEN_TLS_CERT");
        Path encrypted = Files.writeString(dir.resolve("enc.pem"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThat(catchKeyProblem(encrypted)).contains("QLEVEN_TLS_KEY").contains("encrypted");
        assertThat(catchKeyProblem(text)).contains("QLEVEN_TLS_KEY").contains("no PEM private key");
    }

    private String catchKeyProblem(Path key) throws Exception {
        // A certificate the JDK can parse is needed to reach the key: take one from the JDK's own trust store.
        Path cert = dir.resolve("cert.pem");
        java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        try (var in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            trust.load(in, null);
        }
        var certificate = trust.getCertificate(trust.aliases().nextElement());
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        try {
            TlsMaterial.sslContext(new HostConfig.Tls(cert, key, 0));
            throw new AssertionError("accepted " + key);
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    /** The OCTET STRING that closes a PKCS#8 PrivateKeyInfo: the algorithm's own key encoding. */
    private static byte[] innerOctets(byte[] pkcs8) {
        int i = 1;
        i += lengthBytes(pkcs8, i);
        i += 3;
        i += 1 + lengthBytes(pkcs8, i + 1) + length(pkcs8, i + 1);
        int lengthAt = i + 1;
        int start = lengthAt + lengthBytes(pkcs8, lengthAt);
        return Arrays.copyOfRange(pkcs8, start, start + length(pkcs8, lengthAt));
    }

    private static int lengthBytes(byte[] der, int at) {
        int first = der[at] & 0xff;
        return first < 0x80 ? 1 : 1 + (first & 0x7f);
    }

    private static int length(byte[] der, int at) {
        int first = der[at] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int k = 1; k <= (first & 0x7f); k++) {
            length = (length << 8) | (der[at + k] & 0xff);
        }
        return length;
    }
}
