package com.qleven.ports.messaging.in;

/**
 * A number connected by hand: Meta's phone-number id and business account id, an access token of
 * an account already subscribed to Qleven's app, and the number as people read it. Members as
 * typed (null when missing); the use case names every bad one. The token never shows in
 * {@link #toString()}.
 */
public record ConnectAccountCommand(String phoneNumberId, String wabaId, String accessToken,
                                    String displayPhoneNumber) {
    @Override
    public String toString() {
        return "ConnectAccountCommand[phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId + "]";
    }
}
