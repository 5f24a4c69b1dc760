package dev.weft.agent.weave.advice;

import dev.weft.boot.WorkloadEvent;
import dev.weft.boot.Workloads;
import net.bytebuddy.asm.Advice;

/** A method the {@code workload=} filter selected: one span per call. */
public final class WorkloadAdvice {

    private WorkloadAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WorkloadEvent enter(@Advice.Origin("#t::#m") String method) {
        return Workloads.begin(method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WorkloadEvent workload) {
        Workloads.end(workload);
    }
}
