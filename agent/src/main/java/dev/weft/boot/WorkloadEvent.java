package dev.weft.boot;

import dev.weft.reports.read.WeftSchema.Workload;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One call of a method the user named as workload (the {@code workload=} filter). */
@Name(Workload.NAME)
@Label("Workload")
@Category({"Weft", "Workload"})
@Description("A call of an application method selected as workload")
@StackTrace(false)
public final class WorkloadEvent extends Event {

    @Label("Method")
    @Description("Class and method, as pkg.Class::method")
    @Name(Workload.METHOD)
    public String method;
}
