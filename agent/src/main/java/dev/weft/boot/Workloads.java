package dev.weft.boot;

/** What workload advice calls: one {@link WorkloadEvent} per call of a selected method. */
public final class Workloads {

    private Workloads() { }

    public static WorkloadEvent begin(String method) {
        if (!Recorder.mayRecord()) {
            return null;
        }
        WorkloadEvent e = new WorkloadEvent();
        e.method = method;
        e.begin();
        return e;
    }

    public static void end(WorkloadEvent e) {
        if (e == null) {
            return;
        }
        e.end();
        if (e.shouldCommit()) {
            e.commit();
        }
    }
}
