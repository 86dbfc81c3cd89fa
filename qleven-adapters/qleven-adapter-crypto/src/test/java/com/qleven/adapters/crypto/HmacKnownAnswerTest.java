package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.audit.ChainHash;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers for the audit chain's HMAC-SHA256: RFC 4231 test cases 3, 4 and 6. The chain signs
 * {@code previous hash (32 bytes) || entry}, so each case's data is split after its 32nd byte into
 * the previous hash and the entry; the signature must be the RFC's HMAC of the whole data.
 */
class HmacKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "RFC 4231 test case {0}")
    @CsvSource(delimiter = ';', value = {
        "3;aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;"
                + "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd;"
                + "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        "4;0102030405060708090a0b0c0d0e0f10111213141516171819;"
                + "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd;"
                + "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        "6;REPEAT-aa-131;TEXT-Test Using Larger Than Block-Size Key - Hash Key First;"
                + "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"})
    void signsTheRfcVectors(String testCase, String key, String data, String mac) {
        byte[] k = key.startsWith("REPEAT-") ? repeat(key) : HEX.parseHex(key);
        byte[] d = data.startsWith("TEXT-") ? data.substring(5).getBytes(StandardCharsets.US_ASCII) : HEX.parseHex(data);
        ChainHash previous = ChainHash.of(Arrays.copyOfRange(d, 0, 32));
        byte[] entry = Arrays.copyOfRange(d, 32, d.length);

        assertThat(new HmacChainSigner(k).sign(previous, entry).hex()).as("test case " + testCase).isEqualTo(mac);
    }

    private static byte[] repeat(String spec) {
        String[] parts = spec.split("-");
        byte[] bytes = new byte[Integer.parseInt(parts[2])];
        Arrays.fill(bytes, (byte) Integer.parseInt(parts[1], 16));
        return bytes;
    }
}
