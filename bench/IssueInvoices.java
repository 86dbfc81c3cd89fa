import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invoice issuing against a running host (bench/issue10.sh starts one): how fast one center's series
 * takes numbers when many desks issue at once, since every issue of a series waits for the one
 * before it (the series row is locked until its unit of work ends). In one run, with THREADS
 * concurrent clients and COUNT requests each step:
 *   1. drafts    POST /v1/invoices (two lines, no series lock): the baseline
 *   2. issue, 1 thread   POST /v1/invoices/{id}/issue one after the other
 *   3. issue, THREADS    the same into the same series, THREADS at once
 * then checks, in the database's answer, that the series has every place once (the verify route).
 * usage: java bench/IssueInvoices.java API TOKEN CLIENT_ID [THREADS [COUNT]]
 */
public class IssueInvoices {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([FSR]\\d{4})-");

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String token = args[1];
        String client = args[2];
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int count = args.length > 4 ? Integer.parseInt(args[4]) : 800;
        String draft = "{\"clientId\":\"" + client + "\",\"lines\":[{\"description\":\"Limpieza facial\",\"quantity\":\"1\","
                + "\"unitPrice\":{\"amountMinor\":6000,\"currency\":\"EUR\"},\"taxRate\":\"21\"},{\"description\":\"Crema\","
                + "\"quantity\":\"0.5\",\"unitPrice\":{\"amountMinor\":3333,\"currency\":\"EUR\"},\"taxRate\":\"10\"}]}";

        // Warm-up: drafts and issues that are not measured.
        List<String> warm = run(api, token, 4, 200, i -> post(api + "/v1/invoices", draft, token));
        run(api, token, 4, warm.size(), i -> post(api + "/v1/invoices/" + warm.get(i) + "/issue", "", token));

        ConcurrentLinkedQueue<String> drafts = new ConcurrentLinkedQueue<>();
        Result baseline = measure("drafts, POST /v1/invoices (no series lock), " + threads + " threads", threads,
                3 * count, i -> {
                    String id = post(api + "/v1/invoices", draft, token);
                    drafts.add(id);
                    return id;
                });
        List<String> ids = new ArrayList<>(drafts);
        List<String> one = ids.subList(0, count);
        List<String> many = ids.subList(count, 3 * count);
        Result serial = measure("issue, POST /v1/invoices/{id}/issue, 1 thread", 1, one.size(),
                i -> post(api + "/v1/invoices/" + one.get(i) + "/issue", "", token));
        Result contended = measure("issue into the same series, " + threads + " threads", threads, many.size(),
                i -> post(api + "/v1/invoices/" + many.get(i) + "/issue", "", token));
        System.out.println("| measure | throughput | latency |");
        System.out.println("|---|---|---|");
        for (Result r : List.of(baseline, serial, contended)) {
            System.out.println(r.row());
        }
        String issued = get(api + "/v1/invoices?status=issued&limit=1", token);
        Matcher series = NUMBER.matcher(issued);
        if (!series.find()) {
            throw new IllegalStateException("no issued invoice: " + issued);
        }
        System.out.println("series check: " + get(api + "/v1/invoice-series/" + series.group(1) + "/verify", token));
    }

    interface Call {
        String call(int i) throws Exception;
    }

    record Result(String name, int n, long wallNanos, long[] nanos) {
        String row() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format("| %s | %.1f req/s | %.2f ms p50, %.2f ms p99 |", name, n / (wallNanos / 1e9),
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }
    }

    static Result measure(String name, int threads, int n, Call call) throws Exception {
        long[] nanos = new long[n];
        long start = System.nanoTime();
        run(null, null, threads, n, i -> {
            long t = System.nanoTime();
            String answer = call.call(i);
            nanos[i] = System.nanoTime() - t;
            return answer;
        });
        return new Result(name, n, System.nanoTime() - start, nanos);
    }

    static List<String> run(String api, String token, int threads, int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        String[] answers = new String[n];
        ConcurrentLinkedQueue<Exception> failed = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    try {
                        answers[i] = call.call(i);
                    } catch (Exception e) {
                        failed.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " calls failed, first: " + failed.peek(), failed.peek());
        }
        return Arrays.asList(answers);
    }

    static String post(String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        request = body.isEmpty() ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return id.group(1);
    }

    static String get(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
