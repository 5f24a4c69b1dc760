package dev.weft.reports.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.render.PagePolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live page's server, spoken to over raw sockets so every header is the test's own: no token, a
 * wrong one or a foreign Host get 403 and no data; the page carries its policy and no CORS header;
 * it listens on the loopback interface only.
 */
@Timeout(60)
class LivePageTest {

    private final AtomicInteger snapshots = new AtomicInteger();
    private LivePage page;
    private URI url;
    private String token;

    @BeforeEach
    void start() throws Exception {
        page = LivePage.start("JVM 1 (test)", () -> "snapshot " + snapshots.incrementAndGet() + " written");
        url = page.url();
        token = url.getRawQuery().substring("token=".length());
    }

    @AfterEach
    void stop() {
        page.close();
    }

    private record Answer(int status, String head, String body) { }

    private Answer ask(String method, String target, String host) throws IOException {
        try (Socket s = new Socket(url.getHost(), url.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + "Origin: http://evil.example\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, all.substring(split + 4));
        }
    }

    private String host() {
        return url.getHost() + ":" + url.getPort();
    }

    @Test
    void withoutTheTokenNothingIsServed() throws Exception {
        for (String target : new String[] {"/", "/data", "/data?token=", "/data?token=" + token.substring(1),
            "/data?token=" + token + "x", "/?tok=" + token, "/snapshot"}) {
            Answer a = ask("GET", target, host());
            assertEquals(403, a.status(), target);
            assertEquals("", a.body(), target);
        }
        assertEquals(403, ask("POST", "/snapshot", host()).status());
        assertEquals(0, snapshots.get(), "no snapshot without the token");
    }

    @Test
    void aForeignHostIsRefusedEvenWithTheToken() throws Exception {
        Answer a = ask("GET", "/data?token=" + token, "evil.example:" + url.getPort());
        assertEquals(403, a.status());
        assertEquals("", a.body());
    }

    @Test
    void withTheTokenThePageComesWithItsPolicyAndNoCors() throws Exception {
        Answer a = ask("GET", "/?token=" + token, host());
        assertEquals(200, a.status(), a.head());
        assertTrue(a.body().contains("<title>Weft live</title>"));
        String head = a.head().toLowerCase(java.util.Locale.ROOT);
        assertTrue(a.head().contains("Content-security-policy: " + PagePolicy.of(a.body(), "'self'"))
                || a.head().contains("Content-Security-Policy: " + PagePolicy.of(a.body(), "'self'")), a.head());
        assertTrue(head.contains("connect-src 'self'") && head.contains("default-src 'none'"), a.head());
        assertFalse(head.contains("access-control"), "no CORS: " + a.head());
        assertTrue(head.contains("referrer-policy: no-referrer"), "the token never leaves in a Referer");

        Answer data = ask("GET", "/data?token=" + token, "localhost:" + url.getPort());
        assertEquals(200, data.status());
        assertFalse(data.head().toLowerCase(java.util.Locale.ROOT).contains("access-control"));

        assertEquals(405, ask("GET", "/snapshot?token=" + token, host()).status(), "a snapshot is a POST");
        Answer snap = ask("POST", "/snapshot?token=" + token, host());
        assertEquals(200, snap.status());
        assertEquals("{\"ok\":true,\"message\":\"snapshot 1 written\"}", snap.body());
        assertEquals(405, ask("OPTIONS", "/?token=" + token, host()).status());
        assertEquals(404, ask("GET", "/other?token=" + token, host()).status());
    }

    @Test
    void itListensOnTheLoopbackInterfaceOnly() throws Exception {
        assertTrue(InetAddress.getByName(url.getHost()).isLoopbackAddress(), url.toString());
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                    continue;
                }
                try (Socket s = new Socket()) {
                    s.connect(new java.net.InetSocketAddress(address, url.getPort()), 2_000);
                    throw new AssertionError("reachable at " + address);
                } catch (IOException expected) {
                    // refused or unreachable: not served there
                }
            }
        }
    }
}
