package dev.weft.demo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Notes every workload's thread, start and finish; installed for one test at a time. */
class RecordingObserver implements Workloads.WorkloadObserver {

    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final LongAdder started = new LongAdder();
    final LongAdder finished = new LongAdder();

    @Override
    public void started() {
        threads.add(Thread.currentThread());
        started.increment();
    }

    @Override
    public void finished() {
        finished.increment();
    }
}
