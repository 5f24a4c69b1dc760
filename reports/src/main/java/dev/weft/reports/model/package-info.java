/**
 * The in-memory model of one recording: threads with their lifetimes, workload spans, wait
 * spans and wakes, plus what the agent reported about itself and the threads alive at exit.
 *
 * <p>Spans are kept in primitive columns per thread ({@link dev.weft.reports.model.WorkloadSpans},
 * {@link dev.weft.reports.model.WaitSpans}) and strings are interned once in a
 * {@link dev.weft.reports.model.StringTable}, so a recording of a million events fits in a small
 * heap. A {@link dev.weft.reports.model.ModelBuilder} collects events in any order and sorts,
 * merges and closes lifetimes when it builds the {@link dev.weft.reports.model.Model}.
 */
package dev.weft.reports.model;
