package com.qleven.application.messaging;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message's rendered parameters (per component, in the order of its placeholders) sealed under the
 * client's key, bound to the message: written when the message is queued, opened when it is sent or
 * exported. An erasure shreds the client's key, and with it every parameter.
 *
 * <p>The plain form is a line per component, {@code body\tAna\t10:30}, each value escaped so a tab, a
 * newline or a backslash in it reads back as itself.
 */
public final class MessageParameters {
    static final String KEY_KIND = "client";
    private final FieldCipher cipher;

    public MessageParameters(FieldCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    public byte[] seal(TenantId tenant, ClientId client, OutboundMessageId message,
                       Map<ComponentKey, List<String>> parameters) {
        return cipher.encrypt(new KeyScope(KEY_KIND, client.value()), aad(tenant, message), encode(parameters));
    }

    /**
     * Reads the current keys of these clients in one go, in the unit of work open on the thread, so
     * that sealing a batch of messages to them reads the key store once, not once per client.
     */
    public void preloadKeys(java.util.Collection<ClientId> clients) {
        cipher.preloadScopes(clients.stream().map(c -> new KeyScope(KEY_KIND, c.value())).toList());
    }

    /** The parameters; empty components for a message sealed with none. */
    public Map<ComponentKey, List<String>> open(TenantId tenant, OutboundMessageId message, byte[] sealed) {
        return decode(cipher.decrypt(aad(tenant, message), sealed));
    }

    static String encode(Map<ComponentKey, List<String>> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((key, values) -> {
            out.append(key.wireName());
            for (String v : values) {
                out.append('\t').append(escape(v));
            }
            out.append('\n');
        });
        return out.toString();
    }

    static Map<ComponentKey, List<String>> decode(String text) {
        Map<ComponentKey, List<String>> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            List<String> values = new ArrayList<>(cells.length - 1);
            for (int i = 1; i < cells.length; i++) {
                values.add(unescape(cells[i]));
            }
            out.put(ComponentKey.parse(cells[0], "component"), List.copyOf(values));
        }
        return out;
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String aad(TenantId tenant, OutboundMessageId message) {
        return "message|parameters|" + tenant + "|" + message;
    }
}
