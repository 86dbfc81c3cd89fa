package com.qleven.host.http;

import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.tenancy.in.Authenticate;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.ports.tenancy.in.ClientInfo;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.HttpString;
import java.io.IOException;
import com.qleven.host.config.TrustedProxies;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What an endpoint reads of a request: its body as JSON, its credentials, its query and its origin. */
public final class Request {
    /** A version no resource ever has: an {@code If-Match} that names none of ours can only fail. */
    public static final long NO_VERSION = 0;
    private static final java.util.regex.Pattern VERSION_TAG = java.util.regex.Pattern.compile("^\"([1-9][0-9]{0,17})\"$");
    /** Hops of X-Forwarded-For read at most: a longer chain is a client making one up. */
    private static final int MAX_HOPS = 20;
    private static final java.util.regex.Pattern WHOLE_NUMBER = java.util.regex.Pattern.compile("^[0-9]{1,4}$");
    private static final int MAX_CURSOR = 512;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private final HttpServerExchange exchange;
    private final ObjectMapper mapper;
    /** Reads the body when first asked: a gated route refuses its caller before the body is read. */
    private final java.util.function.Supplier<byte[]> bodyReader;
    private byte[] body;
    private final Map<String, String> pathParams;
    private final Optional<String> countryHeader;
    private final TrustedProxies proxies;
    private Principal principal;
    private static final HttpString FORWARDED_FOR = HttpString.tryFromString("X-Forwarded-For");

    Request(HttpServerExchange exchange, ObjectMapper mapper, byte[] body, Map<String, String> pathParams,
            Optional<String> countryHeader, TrustedProxies proxies) {
        this(exchange, mapper, () -> body, pathParams, countryHeader, proxies);
    }

    Request(HttpServerExchange exchange, ObjectMapper mapper, java.util.function.Supplier<byte[]> bodyReader,
            Map<String, String> pathParams, Optional<String> countryHeader, TrustedProxies proxies) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.bodyReader = bodyReader;
        this.pathParams = Map.copyOf(pathParams);
        this.countryHeader = countryHeader;
        this.proxies = proxies;
    }

    /** The body as the given record; a 400 naming the member when it does not fit. */
    public <T> T body(Class<T> type) {
        byte[] body = bytes();
        if (body.length == 0) {
            throw Problems.invalid(ProblemField.body("is required"));
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (IOException e) {
            throw JsonProblems.from(e);
        }
        if (value == null) {
            throw Problems.invalid(ProblemField.body("must be a JSON object"));
        }
        return value;
    }

    /**
     * The body as received, read from the exchange on the first call; a 400, 413 or 415 problem
     * when it breaks the body rules (see {@link ApiHandler}).
     */
    byte[] bytes() {
        if (body == null) {
            body = bodyReader.get();
        }
        return body;
    }

    /**
     * A read of another route on behalf of the same caller, with that route's path parameters and
     * no body: how a replayed action reads its resource again with the caller's rights.
     */
    Request readOf(Map<String, String> params) {
        Request read = new Request(exchange, mapper, new byte[0], params, countryHeader, proxies);
        read.principal = principal;
        return read;
    }

    /** The method, path and body exactly as received: what makes two requests the same request. */
    String method() {
        return exchange.getRequestMethod().toString();
    }

    String path() {
        return exchange.getRequestPath();
    }

    /** The query string as received, empty when none: a query can change what an action does. */
    String queryString() {
        return exchange.getQueryString() == null ? "" : exchange.getQueryString();
    }

    byte[] rawBody() {
        return bytes().clone();
    }

    /** The body's bytes exactly as sent (a {@link Route.Body#RAW} route's, to check a signature over). */
    public byte[] raw() {
        return bytes().clone();
    }

    /**
     * The page a list asks for: {@code ?limit=} 1 to 200 (default 50) and {@code ?cursor=} the
     * previous page's {@code next}; a 400 naming each bad parameter.
     */
    public PageRequest page() {
        List<FieldError> errors = new ArrayList<>();
        int limit = PageRequest.DEFAULT_LIMIT;
        Optional<String> limitText = query("limit");
        if (limitText.isPresent()) {
            String text = limitText.get();
            int parsed = WHOLE_NUMBER.matcher(text).matches() ? Integer.parseInt(text) : -1;
            if (parsed < 1 || parsed > PageRequest.MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + PageRequest.MAX_LIMIT));
            } else {
                limit = parsed;
            }
        }
        Optional<String> cursor = query("cursor");
        if (cursor.isPresent() && (cursor.get().isEmpty() || cursor.get().length() > MAX_CURSOR)) {
            errors.add(new FieldError("cursor", "must be the next value of a previous page"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PageRequest(limit, cursor);
    }

    /**
     * The principal behind the request's credentials, authenticated once per request however many
     * parts of the host ask (the idempotency wrapper and then the endpoint).
     */
    public Principal principal(Authenticate authenticate) {
        if (principal == null) {
            principal = authenticate.authenticate(credentials().orElseThrow(UnauthenticatedException::new));
        }
        return principal;
    }

    /** The principal the request's credentials were authenticated as, by {@link OneUnitEndpoint}. */
    void authenticatedAs(Principal authenticated) {
        principal = authenticated;
    }

    public Optional<String> pathParam(String name) {
        return Optional.ofNullable(pathParams.get(name));
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(HttpString.tryFromString(name)));
    }

    /**
     * The version {@code If-Match} names, for resources whose {@code ETag} is their version in quotes
     * ({@code "3"}): none without the header or with {@code *} (any version will do), otherwise the
     * one strong tag this API issued. Any other value matches no version ({@value #NO_VERSION}), so
     * the change fails with 412, as RFC 9110 says for a tag that does not match.
     */
    public Optional<Long> ifMatchVersion() {
        Optional<String> header = header("If-Match").map(String::strip);
        if (header.isEmpty() || header.get().equals("*")) {
            return Optional.empty();
        }
        java.util.regex.Matcher tag = VERSION_TAG.matcher(header.get());
        return Optional.of(tag.matches() ? Long.parseLong(tag.group(1)) : NO_VERSION);
    }

    /**
     * The bearer token from {@code Authorization}, else from the session cookie. An Authorization
     * header of another scheme yields a value that no session has, so it fails as bad credentials.
     */
    public Optional<String> credentials() {
        Optional<String> authorization = header("Authorization");
        if (authorization.isPresent()) {
            String value = authorization.get().strip();
            if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of(value.substring(7).strip());
            }
            return Optional.of("");
        }
        Cookie cookie = exchange.getRequestCookie(SessionCookie.NAME);
        return cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()
                ? Optional.empty() : Optional.of(cookie.getValue());
    }

    /**
     * The client's address (see {@link #clientAddress}), its user agent, and its country when the
     * configured country header gives a valid one and, once {@code QLEVEN_TRUSTED_PROXIES} is set,
     * the peer is one of those proxies.
     */
    public ClientInfo client() {
        InetSocketAddress peer = exchange.getSourceAddress();
        String ip = peer == null || peer.getAddress() == null ? "unknown"
                : clientAddress(peer.getAddress(), exchange.getRequestHeaders().get(FORWARDED_FOR), proxies)
                        .getHostAddress();
        // Once proxies are configured, only they may speak for the client's country.
        boolean fromProxy = proxies.isEmpty() || (peer != null && peer.getAddress() != null
                && proxies.trusts(peer.getAddress()));
        Optional<String> country = countryHeader.filter(h -> fromProxy).flatMap(this::header)
                .map(c -> c.strip().toUpperCase(Locale.ROOT))
                .filter(COUNTRIES::contains);
        return new ClientInfo(ip, header("User-Agent").orElse(""), country);
    }

    /**
     * The peer, unless it is a trusted proxy: then {@code X-Forwarded-For} read from the right, past
     * every trusted hop, to the first address that is not trusted. Every hop trusted: the left-most.
     * An entry that is not an IP address stops the walk at the last trusted hop, which answers for it.
     */
    static InetAddress clientAddress(InetAddress peer, Collection<String> forwardedFor, TrustedProxies proxies) {
        if (proxies.isEmpty() || !proxies.trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - MAX_HOPS; i--) {
            Optional<InetAddress> hop = TrustedProxies.literal(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!proxies.trusts(client)) {
                return client;
            }
        }
        return client;
    }
}
