package example;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** Code under test: every posting holds one lock, so postings from several threads queue up on it. */
public final class Ledger {

    private final ReentrantLock lock = new ReentrantLock();
    private long total;

    public void post(long amount, long millis) {
        lock.lock();
        try {
            Batch.task(millis);
            total += amount;
        } finally {
            lock.unlock();
        }
    }

    public long total() {
        return total;
    }

    /**
     * {@code threads} threads post while an audit holds the ledger: they all queue on its lock, and post
     * one after the other once the audit is done. Returns when all have posted.
     */
    public static long postDuringAudit(int threads, long millis) throws InterruptedException {
        Ledger ledger = new Ledger();
        List<Thread> posters = new ArrayList<>();
        ledger.lock.lock();
        try {
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> ledger.post(1, millis), "poster-" + i);
                t.start();
                posters.add(t);
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (ledger.lock.getQueueLength() < threads && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } finally {
            ledger.lock.unlock();
        }
        for (Thread t : posters) {
            t.join();
        }
        return ledger.total();
    }
}
