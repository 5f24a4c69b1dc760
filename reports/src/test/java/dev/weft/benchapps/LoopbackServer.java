package dev.weft.benchapps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A program for the report benchmark, run under the agent (outside {@code dev.weft.reports}, which the
 * agent never instruments, being its own): an HTTP server on the loopback address and
 * clients that send it a bounded number of requests (no other address is ever used), each handled with
 * a call to a backend pool, a shared lock and now and then a short sleep. Its recording is the "server" shape: pools, queues,
 * socket waits, many short spans on few threads.
 *
 * <pre>java -javaagent:agent.jar=workload=dev.weft.benchapps.LoopbackServer::handle LoopbackServer [requests] [clients]</pre>
 */
public final class LoopbackServer {

    private static final ReentrantLock LEDGER = new ReentrantLock();
    /** A backend each request asks, as a service would ask a database: a hand-off and a wait. */
    private static final ExecutorService BACKEND = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "backend");
        t.setDaemon(true);
        return t;
    });
    private static long served;

    private LoopbackServer() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        server.setExecutor(workers);
        server.createContext("/", LoopbackServer::handle);
        server.start();
        URI uri = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/item");
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int share = requests / clients + (c < requests % clients ? 1 : 0);
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < share; i++) {
                        call(uri, i);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the clients did not finish within 10 minutes");
        }
        server.stop(0);
        workers.shutdown();
        System.out.printf("loopback server: %d requests by %d clients in %.1f s, %d served%n", requests, clients,
                (System.nanoTime() - t0) / 1e9, served);
    }

    private static void call(URI uri, int i) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.resolve("/item/" + i).toURL().openConnection();
        try (InputStream in = c.getInputStream()) {
            in.readAllBytes();
        } finally {
            c.disconnect();
        }
    }

    /** One request: a call to the backend, the shared ledger, now and then a short pause. */
    public static void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        long seed = exchange.getRequestURI().getPath().hashCode();
        long x;
        try {
            x = BACKEND.submit(() -> spin(seed, 20_000)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        LEDGER.lock();
        try {
            served++;
            body = ("item " + exchange.getRequestURI().getPath() + " " + (x & 0xFFFF) + " #" + served)
                    .getBytes(StandardCharsets.UTF_8);
        } finally {
            LEDGER.unlock();
        }
        if ((x & 7) == 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static long spin(long seed, long nanos) {
        long x = seed;
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
