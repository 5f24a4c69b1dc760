package dev.weft.reports.read;

import dev.weft.reports.read.EventView.ThreadRef;

import java.util.ArrayList;
import java.util.List;

/** Every event a parser delivers, as one line with all the fields the report reads of its type. */
final class EventTrace implements EventSink {

    final List<String> lines = new ArrayList<>();

    @Override
    public void accept(int code, String type, EventView e) {
        StringBuilder b = new StringBuilder(type).append(' ').append(e.start()).append("..").append(e.end());
        int[] read = EventFields.read(code);
        int[] fields = java.util.Arrays.copyOf(read, read.length + 2);
        fields[read.length] = EventFields.EVENT_THREAD;
        fields[read.length + 1] = EventFields.STACK_TRACE;
        for (int f : fields) {
            if (!e.has(f)) {
                continue;
            }
            b.append(' ').append(EventFields.NAMES[f]).append('=');
            ThreadRef t = e.thread(f);
            if (t != null) {
                b.append("thread(").append(t.javaThreadId()).append(',').append(t.javaName()).append(',')
                        .append(t.isVirtual()).append(',').append(t.group()).append(')');
            }
            b.append(e.string(f)).append('/').append(e.number(f, Long.MIN_VALUE)).append('/').append(e.bool(f))
                    .append('/').append(e.className(f));
        }
        String stack = e.stack();
        if (stack != null) {
            b.append(" stack=").append(stack.replace('\n', '|'));
        }
        lines.add(b.toString());
    }
}
