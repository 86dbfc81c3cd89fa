package com.qleven.host.http.whatsapp;

import com.qleven.application.Qleven;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.http.HttpProblem;
import com.qleven.host.http.Problem;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's WhatsApp webhook, outside {@code /v1} and without a session: Meta's credentials are the
 * verify token (handshake) and the signature of each POST.
 * <ul>
 *   <li>{@code GET /webhooks/whatsapp} answers {@code hub.challenge} as text only when {@code hub.mode}
 *       is {@code subscribe} and {@code hub.verify_token} is {@code QLEVEN_WHATSAPP_VERIFY_TOKEN}
 *       (compared in constant time); otherwise, or with no token configured, 403.</li>
 *   <li>{@code POST /webhooks/whatsapp} takes the body as sent (up to 8 MiB, else 413), checks
 *       {@code X-Hub-Signature-256} ({@code sha256=} and the hex HMAC-SHA256 of exactly those bytes under
 *       {@code QLEVEN_WHATSAPP_APP_SECRET}, compared in constant time) before reading anything of it, and
 *       answers 401 without storing anything when it does not match (or no secret is configured). A
 *       signed body is stored sealed, whatever it holds, and answered 200 at once; a job processes it.</li>
 * </ul>
 */
public final class WhatsAppWebhookEndpoints {
    public static final String PATH = "/webhooks/whatsapp";
    private static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final Pattern SIGNATURE = Pattern.compile("^sha256=([0-9a-fA-F]{64})$");
    private static final int CHALLENGE_MAX = 256;

    private final Qleven qleven;
    private final Optional<byte[]> verifyToken;
    private final Optional<SecretKeySpec> appSecret;

    public WhatsAppWebhookEndpoints(Qleven qleven, WhatsAppSettings settings) {
        this.qleven = qleven;
        this.verifyToken = settings.verifyToken().map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.appSecret = settings.appSecret()
                .map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    public List<Route> routes() {
        return List.of(
                Route.get(PATH, this::handshake),
                Route.post(PATH, Route.Body.RAW, this::receive));
    }

    private Response handshake(Request request) {
        Optional<String> mode = request.query("hub.mode");
        Optional<String> token = request.query("hub.verify_token");
        Optional<String> challenge = request.query("hub.challenge");
        boolean tokenMatches = verifyToken.isPresent() && token.isPresent()
                && MessageDigest.isEqual(verifyToken.get(), token.get().getBytes(StandardCharsets.UTF_8));
        if (!tokenMatches || !mode.filter("subscribe"::equals).isPresent()) {
            throw new HttpProblem(Problem.of(403, "FORBIDDEN", "forbidden", "Forbidden",
                    "the verification handshake needs hub.mode=subscribe and the configured verify token"));
        }
        String answer = challenge.filter(c -> !c.isEmpty() && c.length() <= CHALLENGE_MAX
                && c.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)).orElseThrow(() -> new HttpProblem(
                Problem.of(400, "VALIDATION", "validation", "Invalid request", "hub.challenge: is required, 1 to "
                        + CHALLENGE_MAX + " printable characters")));
        return Response.bytes(200, "text/plain; charset=utf-8", answer.getBytes(StandardCharsets.US_ASCII));
    }

    private Response receive(Request request) throws GeneralSecurityException {
        byte[] body = request.raw();
        if (!signedByMeta(request.header(SIGNATURE_HEADER), body)) {
            throw new HttpProblem(Problem.of(401, "UNAUTHENTICATED", "unauthenticated", "Authentication required",
                    "the " + SIGNATURE_HEADER + " header is missing or does not match the body"));
        }
        qleven.messaging().receiveWebhook(body);
        return Response.status(200);
    }

    private boolean signedByMeta(Optional<String> header, byte[] body) throws GeneralSecurityException {
        if (appSecret.isEmpty() || header.isEmpty()) {
            return false;
        }
        var matcher = SIGNATURE.matcher(header.get().strip());
        if (!matcher.matches()) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(appSecret.get());
        byte[] expected = mac.doFinal(body);
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(matcher.group(1)));
    }
}
