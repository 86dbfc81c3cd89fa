import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The baseline of bench/run.sh: a bare Undertow handler answering a JSON body of the size of
 * GET /v1/me, with no routing, authentication or database. Run with
 * {@code java -cp <undertow classpath> bench/BareUndertow.java <port>}.
 */
public class BareUndertow {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        ByteBuffer body = ByteBuffer.wrap(("{\"userId\":\"0192f0a4-6c5e-7b1a-9f3e-2d4c5b6a7980\","
                + "\"tenantId\":\"0192f0a4-6c5e-7b1a-9f3e-2d4c5b6a7981\",\"role\":\"administrator\","
                + "\"fullName\":\"Ana López\",\"email\":\"ana@example.com\",\"phone\":\"+34600111222\"}")
                .getBytes(StandardCharsets.UTF_8));
        Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send(body.duplicate());
        }).build().start();
        System.out.println("bare undertow on " + port);
    }
}
