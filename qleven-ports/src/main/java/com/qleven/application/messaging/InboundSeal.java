package com.qleven.application.messaging;

import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a WhatsApp contact's personal data is sealed: its number and profile name, and its messages'
 * text and file names, all under the contact's own data key (scope {@value #KEY_KIND}, owned by the
 * contact's id), never the client's: a contact's messages come before anyone knows whose they are,
 * and a shared number is several clients'. Forgetting the contact (an erasure of the only client who
 * used it) shreds that key. Associated data {@code whatsapp_contact|<field>|<center>|<row>} binds each
 * value to its center and row. Public for tools and tests that write contacts and messages as the
 * webhook processing does.
 */
public final class InboundSeal {
    public static final String KEY_KIND = "whatsapp_contact";

    private final FieldCipher cipher;

    public InboundSeal(FieldCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    public static KeyScope scope(UUID contact) {
        return new KeyScope(KEY_KIND, contact);
    }

    public byte[] number(TenantId tenant, UUID contact, PhoneNumber phone) {
        return cipher.encrypt(scope(contact), aad("number", tenant, contact), phone.e164());
    }

    public PhoneNumber openNumber(TenantId tenant, UUID contact, byte[] sealed) {
        return new PhoneNumber(cipher.decrypt(aad("number", tenant, contact), sealed));
    }

    public Optional<byte[]> profileName(TenantId tenant, UUID contact, Optional<String> name) {
        return name.filter(n -> !n.isBlank()).map(n -> cipher.encrypt(scope(contact), aad("name", tenant, contact), n));
    }

    public Optional<String> openProfileName(TenantId tenant, UUID contact, Optional<byte[]> sealed) {
        return sealed.map(s -> cipher.decrypt(aad("name", tenant, contact), s));
    }

    public Optional<byte[]> content(TenantId tenant, UUID contact, UUID message, Optional<String> text) {
        return text.filter(t -> !t.isEmpty()).map(t -> cipher.encrypt(scope(contact), aad("content", tenant, message), t));
    }

    public Optional<String> openContent(TenantId tenant, UUID message, Optional<byte[]> sealed) {
        return sealed.map(s -> cipher.decrypt(aad("content", tenant, message), s));
    }

    public Optional<byte[]> filename(TenantId tenant, UUID contact, UUID message, Optional<String> name) {
        return name.filter(t -> !t.isEmpty()).map(t -> cipher.encrypt(scope(contact), aad("filename", tenant, message), t));
    }

    public Optional<String> openFilename(TenantId tenant, UUID message, Optional<byte[]> sealed) {
        return sealed.map(s -> cipher.decrypt(aad("filename", tenant, message), s));
    }

    private static String aad(String field, TenantId tenant, UUID row) {
        return KEY_KIND + "|" + field + "|" + tenant + "|" + row;
    }
}
