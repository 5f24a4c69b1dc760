package dev.weft.reports.live;

import dev.weft.reports.render.JsonWriter;
import dev.weft.reports.render.PagePolicy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live timeline, served on the loopback interface only, on a port the system picks. Every
 * request must carry the page's token — 32 random bytes, shown once in the URL — or it gets 403 and
 * no data, as does one whose {@code Host} is not this server (a DNS-rebinding page). No CORS
 * headers: another origin can never read an answer. The page's policy allows its own script and
 * style by hash and fetching from this server only, nothing else.
 *
 * <ul>
 *   <li>{@code GET /?token=…}: the page ({@code live.html})</li>
 *   <li>{@code GET /data?token=…}: the latest {@link LiveData}</li>
 *   <li>{@code POST /snapshot?token=…}: writes a snapshot through the caller's {@link Snapshots}</li>
 * </ul>
 */
public final class LivePage implements AutoCloseable {

    /** The page, assembled by the build beside the report's templates. */
    static final String TEMPLATE = "/dev/weft/reports/render/live.html";

    /** Writes a snapshot of the watched JVM and says where, in one line; throws with the reason when it cannot. */
    public interface Snapshots {
        String write() throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final String token;
    private final String title;
    private final Snapshots snapshots;
    private final byte[] page;
    private final String policy;
    private LiveView view; // guarded by this
    private byte[] data = "{}".getBytes(StandardCharsets.UTF_8); // guarded by this; of view, once asked for

    private LivePage(HttpServer server, ExecutorService workers, String token, String title, Snapshots snapshots,
                     String template) {
        this.server = server;
        this.workers = workers;
        this.token = token;
        this.title = title;
        this.snapshots = snapshots;
        this.page = template.getBytes(StandardCharsets.UTF_8);
        this.policy = PagePolicy.of(template, "'self'");
    }

    /** Serves the page on 127.0.0.1 (or ::1), on a free port. */
    public static LivePage start(String title, Snapshots snapshots) throws IOException {
        String template = template();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "weft-live-page");
            t.setDaemon(true);
            return t;
        });
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        LivePage live = new LivePage(server, workers, token, title, snapshots, template);
        server.setExecutor(workers);
        server.createContext("/", live::handle);
        server.start();
        return live;
    }

    /** The page's address, token included: the only way in. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort()
                + "/?token=" + token);
    }

    /** Publishes {@code view}: rendered when the page first asks for it, once, for every request until the next. */
    public synchronized void show(LiveView view) {
        this.view = view;
        this.data = null;
    }

    private synchronized byte[] data() {
        if (data == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            try {
                LiveData.write(view, title, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            data = out.toByteArray();
        }
        return data;
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            x.getRequestBody().readAllBytes();
            var h = x.getResponseHeaders();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cache-Control", "no-store");
            h.set("X-Frame-Options", "DENY");
            if (!allowed(x)) {
                x.sendResponseHeaders(403, -1);
                return;
            }
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            switch (path) {
                case "/" -> {
                    if (!method.equals("GET")) {
                        x.sendResponseHeaders(405, -1);
                        return;
                    }
                    h.set("Content-Security-Policy", policy);
                    send(x, "text/html; charset=utf-8", page);
                }
                case "/data" -> send(x, "application/json; charset=utf-8", data());
                case "/snapshot" -> {
                    if (!method.equals("POST")) {
                        x.sendResponseHeaders(405, -1);
                        return;
                    }
                    snapshot(x);
                }
                default -> x.sendResponseHeaders(404, -1);
            }
        } finally {
            x.close();
        }
    }

    private void snapshot(HttpExchange x) throws IOException {
        String said;
        boolean ok;
        try {
            said = snapshots.write();
            ok = true;
        } catch (Exception e) {
            said = String.valueOf(e.getMessage());
            ok = false;
        }
        StringWriter text = new StringWriter();
        new JsonWriter(text).beginObject().name("ok", ok).name("message", said).endObject();
        send(x, "application/json; charset=utf-8", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The token, compared in constant time, and this server as the host asked for. */
    private boolean allowed(HttpExchange x) {
        String query = x.getRequestURI().getRawQuery();
        String given = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("token=")) {
                    given = pair.substring("token=".length());
                }
            }
        }
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        int port = server.getAddress().getPort();
        List<String> hosts = x.getRequestHeaders().get("Host");
        String host = hosts == null || hosts.isEmpty() ? "" : hosts.get(0);
        return host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port) || host.equals("[::1]:" + port);
    }

    private static void send(HttpExchange x, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static String template() throws IOException {
        try (InputStream in = LivePage.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("the page resource " + TEMPLATE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
