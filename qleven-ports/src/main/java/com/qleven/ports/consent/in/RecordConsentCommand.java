package com.qleven.ports.consent.in;

/**
 * A consent decision as typed by staff: each member as text, null when not given. The use case
 * validates every member, naming each bad one; {@code text} is the exact notice shown, whose
 * SHA-256 the ledger keeps; {@code proof} is optional free text (a signed form's number, a witness).
 */
public record RecordConsentCommand(String purpose, String decision, String channel, String textVersion, String text,
                                   String proof) {
    @Override
    public String toString() {
        return "RecordConsentCommand[purpose=" + purpose + ", decision=" + decision + ", channel=" + channel + "]";
    }
}
