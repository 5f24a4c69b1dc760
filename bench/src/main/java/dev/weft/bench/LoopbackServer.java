package dev.weft.bench;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The watched application of {@link LiveBench}: a loopback request/response server and its clients in
 * one JVM. Each connection's reader hands every request to a worker pool (a queue hand-off), the worker
 * takes a shared lock to update a counter and answers. So the recording holds queue waits, lock waits,
 * wakes and idle workers, as a real server's would. Prints {@code READY}, waits for {@code GO} on stdin,
 * warms up, then prints {@code RATE <requests per second>} over the measured seconds; or, with a measure
 * of 0, serves until stdin ends.
 *
 * <p>Usage: {@code LoopbackServer <clients> <warm-up s> <measure s>}
 */
public final class LoopbackServer {

    private LoopbackServer() { }

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        long warmUp = Long.parseLong(args[1]);
        long measure = Long.parseLong(args[2]);
        ReentrantLock lock = new ReentrantLock();
        long[] total = {0};
        ExecutorService workers = Executors.newFixedThreadPool(4, named("worker"));
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder done = new LongAdder();
        try (ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> accept(server, workers, lock, total), "acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            for (int i = 0; i < clients; i++) {
                Thread c = new Thread(() -> client(server.getLocalPort(), running, done), "client-" + i);
                c.setDaemon(true);
                c.start();
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("READY");
            System.out.flush();
            String go = in.readLine();
            if (go == null) {
                return;
            }
            if (measure == 0) {
                while (in.readLine() != null) {
                    // serve until stdin ends
                }
                return;
            }
            Thread.sleep(warmUp * 1000);
            long before = done.sum();
            long t0 = System.nanoTime();
            Thread.sleep(measure * 1000);
            long n = done.sum() - before;
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "RATE %.1f%n", n / seconds);
            System.out.flush();
        } finally {
            running.set(false);
            workers.shutdownNow();
        }
    }

    private static void accept(ServerSocket server, ExecutorService workers, ReentrantLock lock, long[] total) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread reader = new Thread(() -> serve(s, workers, lock, total), "conn-" + s.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket s, ExecutorService workers, ReentrantLock lock, long[] total) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream());
             DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            while (true) {
                long request = in.readLong();
                long answer = workers.submit(() -> {
                    lock.lock();
                    try {
                        total[0] += request;
                        return total[0];
                    } finally {
                        lock.unlock();
                    }
                }).get();
                out.writeLong(answer);
                out.flush();
            }
        } catch (Exception e) {
            // the client went away
        }
    }

    private static void client(int port, AtomicBoolean running, LongAdder done) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             DataOutputStream out = new DataOutputStream(s.getOutputStream());
             DataInputStream in = new DataInputStream(s.getInputStream())) {
            s.setTcpNoDelay(true);
            long i = 0;
            while (running.get()) {
                out.writeLong(++i);
                out.flush();
                in.readLong();
                done.increment();
            }
        } catch (IOException e) {
            // the server closed
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        int[] n = {0};
        return r -> {
            Thread t = new Thread(r, prefix + "-" + (++n[0]));
            t.setDaemon(true);
            return t;
        };
    }
}
