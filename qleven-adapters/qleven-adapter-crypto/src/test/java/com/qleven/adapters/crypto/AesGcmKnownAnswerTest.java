package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers for the AES-256-GCM primitive every sealed value and wrapped data key goes through:
 * the AES-256 test cases 13 to 16 of the GCM specification (McGrew and Viega, as published with
 * NIST's GCM validation). A round trip alone would pass with a wrong mode, tag length or byte
 * order; these fix the exact output.
 */
class AesGcmKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "GCM test case {0}")
    @CsvSource(delimiter = ';', value = {
        "13;0000000000000000000000000000000000000000000000000000000000000000;000000000000000000000000;;;"
                + "530f8afbc74536b9a963b4f1c4cb738b",
        "14;0000000000000000000000000000000000000000000000000000000000000000;000000000000000000000000;;"
                + "00000000000000000000000000000000;cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919",
        "15;feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308;cafebabefacedbaddecaf888;;"
                + "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525"
                + "b16aedf5aa0de657ba637b391aafd255;"
                + "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
                + "c5f61e6393ba7a0abcc9f662898015adb094dac5d93471bdec1a502270e3cc6c",
        "16;feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308;cafebabefacedbaddecaf888;"
                + "feedfacedeadbeeffeedfacedeadbeefabaddad2;"
                + "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525"
                + "b16aedf5aa0de657ba637b39;"
                + "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
                + "c5f61e6393ba7a0abcc9f66276fc6ece0f4e1768cddf8853bb2d551b"})
    void sealsAndOpensTheSpecificationsVectors(String testCase, String key, String iv, String aad, String plaintext,
                                               String ciphertextAndTag) {
        SecretKeySpec k = new SecretKeySpec(HEX.parseHex(key), "AES");
        byte[] a = aad == null ? new byte[0] : HEX.parseHex(aad);
        byte[] p = plaintext == null ? new byte[0] : HEX.parseHex(plaintext);

        byte[] sealed = AesGcmFieldCipher.gcm(Cipher.ENCRYPT_MODE, k, HEX.parseHex(iv), a, p);
        assertThat(HEX.formatHex(sealed)).as("test case " + testCase).isEqualTo(ciphertextAndTag);
        assertThat(AesGcmFieldCipher.gcm(Cipher.DECRYPT_MODE, k, HEX.parseHex(iv), a, HEX.parseHex(ciphertextAndTag)))
                .isEqualTo(p);

        byte[] tampered = HEX.parseHex(ciphertextAndTag);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> AesGcmFieldCipher.gcm(Cipher.DECRYPT_MODE, k, HEX.parseHex(iv), a, tampered))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
