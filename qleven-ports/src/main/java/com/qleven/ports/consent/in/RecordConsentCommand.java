package com.qleven.ports.consent.in;

/**
 * A consent decision as typed by staff, built by name with {@link #builder()}: each member as text,
 * null when not given. {@code text} is the exact notice shown, whose SHA-256 the ledger keeps;
 * {@code proof} is optional free text (a signed form's number, a witness). The members are checked
 * by the use case, not by {@link Builder#build()}: the purpose must be one of the center's, and the
 * use case names every bad member in one answer, that one with the rest.
 */
public final class RecordConsentCommand {
    private final String purpose;
    private final String decision;
    private final String channel;
    private final String textVersion;
    private final String text;
    private final String proof;

    private RecordConsentCommand(Builder builder) {
        this.purpose = builder.purpose;
        this.decision = builder.decision;
        this.channel = builder.channel;
        this.textVersion = builder.textVersion;
        this.text = builder.text;
        this.proof = builder.proof;
    }

    /** A builder with every member not given. */
    public static Builder builder() {
        return new Builder();
    }

    public String purpose() {
        return purpose;
    }

    public String decision() {
        return decision;
    }

    public String channel() {
        return channel;
    }

    public String textVersion() {
        return textVersion;
    }

    public String text() {
        return text;
    }

    public String proof() {
        return proof;
    }

    @Override
    public String toString() {
        return "RecordConsentCommand[purpose=" + purpose + ", decision=" + decision + ", channel=" + channel + "]";
    }

    /** The decision's form by name; a member left out is null, as a form's empty field. */
    public static final class Builder {
        private String purpose;
        private String decision;
        private String channel;
        private String textVersion;
        private String text;
        private String proof;

        private Builder() {
        }

        /** One of the center's purpose codes ({@code marketing}, {@code whatsapp}, its own). */
        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        /** {@code granted}, {@code refused} or {@code withdrawn}. */
        public Builder decision(String decision) {
            this.decision = decision;
            return this;
        }

        /** How the decision reached the center ({@code in_person}, {@code web_form}, …), never a WhatsApp reply. */
        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        /** The version of the notice shown. */
        public Builder textVersion(String textVersion) {
            this.textVersion = textVersion;
            return this;
        }

        /** The exact notice shown. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Optional: a signed form's number, a witness. */
        public Builder proof(String proof) {
            this.proof = proof;
            return this;
        }

        public RecordConsentCommand build() {
            return new RecordConsentCommand(this);
        }
    }
}
