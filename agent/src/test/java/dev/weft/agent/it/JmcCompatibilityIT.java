package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fixture.FixtureApp;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.item.Attribute;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.ContentType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.internal.EventArray;
import org.openjdk.jmc.flightrecorder.internal.EventArrays;
import org.openjdk.jmc.flightrecorder.internal.FlightRecordingLoader;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/**
 * The {@code .jfr} the real agent writes, read by JDK Mission Control's own parser (not the JDK's):
 * Weft's event types keep their labels, descriptions, categories and field types, the values read
 * back, and JMC's automated-analysis rules run over the recording without any of them throwing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class JmcCompatibilityIT {

    private static final List<String> EVENT_CLASSES = List.of("WaitEvent", "WorkloadEvent", "WakeEvent",
            "ThreadStartEvent", "ThreadAliveAtExitEvent", "AgentStatusEvent", "VirtualBlockedEvent",
            "WaitInProgressEvent", "WaitSampleEvent");

    /** Weft's event classes, whose annotations say what JMC must show; read from the bridge jar the agent ships. */
    private static List<Class<? extends Event>> weftEvents;

    @TempDir
    static Path shared;

    /** The agent's recording of the fixture's waits, made once for the tests that only read it. */
    private static Path recording;

    @TempDir
    Path out;

    @BeforeAll
    static void recordOnce() throws Exception {
        recording = recordWaits(shared, List.of());
    }

    @BeforeAll
    static void loadEventClasses() throws Exception {
        // the bridge is not in agent.jar (it goes on the boot class path), so not on this test's class path
        Path bridge = ForkedJvm.AGENT_JAR.resolveSibling("weft-boot.jar");
        URLClassLoader loader = new URLClassLoader(new URL[] {bridge.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        List<Class<? extends Event>> classes = new ArrayList<>();
        for (String name : EVENT_CLASSES) {
            classes.add(Class.forName("dev.weft.boot." + name, false, loader).asSubclass(Event.class));
        }
        weftEvents = classes;
    }

    private static Path recordWaits(Path dir, List<String> moreJvmOptions) throws Exception {
        List<String> options = new ArrayList<>();
        options.add(ForkedJvm.agent("out=" + dir + ",workload=" + FixtureApp.class.getName() + "::work"));
        options.addAll(moreJvmOptions);
        ForkedJvm.Result r = ForkedJvm.runWith(dir, options, List.of(), "waits");
        assertEquals(0, r.exitCode(), r.stderr());
        return r.only(".jfr");
    }

    /** Every type in the recording by its JFR name, as JMC reads it. */
    private static Map<String, IItemIterable> byType(IItemCollection items) {
        Map<String, IItemIterable> types = new HashMap<>();
        for (IItemIterable it : items) {
            types.merge(it.getType().getIdentifier(), it, (a, b) -> a.getItemCount() >= b.getItemCount() ? a : b);
        }
        return types;
    }

    private static List<IItem> itemsOf(IItemCollection items, String type) {
        List<IItem> all = new ArrayList<>();
        for (IItemIterable it : items) {
            if (it.getType().getIdentifier().equals(type)) {
                it.forEach(all::add);
            }
        }
        return all;
    }

    private static <T> T value(IItem item, IAttribute<T> attribute) {
        @SuppressWarnings("unchecked")
        IType<IItem> type = (IType<IItem>) item.getType();
        IMemberAccessor<T, IItem> accessor = attribute.getAccessor(type);
        assertNotNull(accessor, () -> type.getIdentifier() + " has no " + attribute.getIdentifier() + " readable as "
                + attribute.getContentType().getIdentifier() + " in JMC");
        return accessor.getMember(item);
    }

    private static String threadName(IItem item, IAttribute<IMCThread> attribute) {
        IMCThread t = value(item, attribute);
        return t == null ? null : t.getThreadName();
    }

    /** The JMC content type of a field of each Java type, unless an annotation says more; JMC reads a plain long as an unscaled "raw" number. */
    private static final Map<Class<?>, ContentType<?>> CONTENT_TYPES = Map.of(String.class, UnitLookup.PLAIN_TEXT,
            Thread.class, UnitLookup.THREAD, Class.class, UnitLookup.CLASS, boolean.class, UnitLookup.FLAG,
            int.class, UnitLookup.NUMBER, long.class, UnitLookup.RAW_NUMBER);

    /** The JMC content type that a field of this Java type, so annotated, must arrive as. */
    private static String expectedContentType(Field f) {
        if (f.isAnnotationPresent(Timespan.class)) {
            return UnitLookup.TIMESPAN.getIdentifier();
        }
        if (f.isAnnotationPresent(jdk.jfr.Timestamp.class)) {
            return UnitLookup.TIMESTAMP.getIdentifier();
        }
        if (f.isAnnotationPresent(jdk.jfr.DataAmount.class)) {
            return UnitLookup.MEMORY.getIdentifier();
        }
        Class<?> t = f.getType();
        ContentType<?> type = CONTENT_TYPES.get(t);
        if (type != null) {
            return type.getIdentifier();
        }
        throw new AssertionError("no expectation for field type " + t + " of " + f);
    }

    @Test
    void weftTypesKeepLabelsDescriptionsAndFieldTypesInJmc() throws Exception {
        Path jfr = recording;
        Map<String, IItemIterable> types = byType(JfrLoaderToolkit.loadEvents(jfr.toFile()));

        for (Class<? extends Event> event : weftEvents) {
            String name = event.getAnnotation(Name.class).value();
            IItemIterable it = types.get(name);
            assertNotNull(it, name + " is a type JMC knows in " + jfr);
            IType<IItem> type = it.getType();
            assertEquals(event.getAnnotation(Label.class).value(), type.getName(), name + " label");
            assertTrue(type.getDescription() != null
                            && type.getDescription().contains(event.getAnnotation(Description.class).value()),
                    name + " description: " + type.getDescription());

            Map<String, String> attributes = new HashMap<>();
            type.getAccessorKeys().forEach((key, d) ->
                    attributes.put(key.getIdentifier(), d.getName() + " : " + key.getContentType().getIdentifier()));
            Map<String, String> expected = new TreeMap<>();
            Map<String, String> actual = new TreeMap<>();
            for (Field f : event.getDeclaredFields()) {
                if (!Modifier.isPublic(f.getModifiers()) || Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                expected.put(f.getName(), f.getAnnotation(Label.class).value() + " : " + expectedContentType(f));
                actual.put(f.getName(), attributes.getOrDefault(f.getName(), "missing"));
            }
            assertEquals(expected, actual, name + " fields as JMC reads them (label : content type)");
            assertTrue(type.hasAttribute(JfrAttributes.EVENT_THREAD), name + " has an event thread");
        }
        assertEquals(UnitLookup.TIMESPAN, contentType(types.get("weft.Wait").getType(), "duration"),
                "weft.Wait is a span with a duration JMC can chart");
        assertEquals(UnitLookup.TIMESPAN, contentType(types.get("weft.Workload").getType(), "duration"));
    }

    private static ContentType<?> contentType(IType<IItem> type, String attribute) {
        return type.getAccessorKeys().keySet().stream().filter(k -> k.getIdentifier().equals(attribute)).findFirst()
                .map(IAccessorKey::getContentType).orElse(null);
    }

    /** The Event Browser tree of JMC is built from these categories (what the JMC application loads with). */
    @Test
    void weftCategoriesReachJmcsEventBrowser() throws Exception {
        Path jfr = recording;
        EventArrays arrays;
        try (InputStream in = Files.newInputStream(jfr)) {
            arrays = FlightRecordingLoader.loadStream(in, false, false);
        }
        Map<String, List<String>> categories = new TreeMap<>();
        for (EventArray array : arrays.getArrays()) {
            String id = array.getType().getIdentifier();
            if (id.startsWith("weft.")) {
                categories.put(id, Arrays.asList(array.getTypeCategory()));
            }
        }
        Map<String, List<String>> expected = new TreeMap<>();
        for (Class<? extends Event> event : weftEvents) {
            expected.put(event.getAnnotation(Name.class).value(), List.of(event.getAnnotation(Category.class).value()));
        }
        assertEquals(expected, categories);
        categories.values().forEach(c -> assertEquals("Weft", c.get(0), "every Weft event is under Weft"));
    }

    @Test
    void weftValuesReadBackInJmc() throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(recording.toFile());
        IAttribute<String> kind = Attribute.attr("kind", "Kind", UnitLookup.PLAIN_TEXT);
        IAttribute<IMCThread> target = Attribute.attr("targetThread", "Target Thread", UnitLookup.THREAD);

        List<IItem> mainWaits = itemsOf(items, "weft.Wait").stream()
                .filter(i -> "main".equals(threadName(i, JfrAttributes.EVENT_THREAD))).toList();
        Map<String, Long> kinds = mainWaits.stream()
                .collect(Collectors.groupingBy(i -> value(i, kind), TreeMap::new, Collectors.counting()));
        assertEquals(new TreeMap<>(Map.of("sleep", 1L, "latch", 1L, "join", 2L, "monitor", 1L, "phaser", 1L,
                "park", 1L)), kinds, "main's waits by kind, as JMC reads them");

        List<String> joined = mainWaits.stream().filter(i -> value(i, kind).equals("join"))
                .map(i -> threadName(i, target)).sorted().toList();
        assertEquals(List.of("fixture-virtual", "fixture-worker-2"), joined, "thread-typed field names the joined thread");

        IItem sleep = mainWaits.stream().filter(i -> value(i, kind).equals("sleep")).findFirst().orElseThrow();
        IQuantity duration = value(sleep, JfrAttributes.DURATION);
        // Thread.sleep(20) sleeps at least 20 ms: the span's duration survived as a duration
        assertTrue(duration.clampedLongValueIn(UnitLookup.MILLISECOND) >= 20, "sleep span: " + duration);

        IAttribute<IMCThread> started = Attribute.attr("startedThread", "Started Thread", UnitLookup.THREAD);
        IAttribute<Boolean> virtual = Attribute.attr("virtual", "Virtual", UnitLookup.FLAG);
        IItem startVirtual = itemsOf(items, "weft.ThreadStart").stream()
                .filter(i -> "fixture-virtual".equals(threadName(i, started))).findFirst()
                .orElseThrow(() -> new AssertionError("no weft.ThreadStart naming fixture-virtual"));
        assertTrue(value(startVirtual, virtual));
        assertEquals("main", threadName(startVirtual, JfrAttributes.EVENT_THREAD));

        IAttribute<String> method = Attribute.attr("method", "Method", UnitLookup.PLAIN_TEXT);
        assertEquals(List.of(FixtureApp.class.getName() + "::work", FixtureApp.class.getName() + "::work"),
                itemsOf(items, "weft.Workload").stream().map(i -> value(i, method)).toList());
    }

    @Test
    void jmcRulesRunOnTheAgentsRecordingWithoutThrowing() throws Exception {
        RuleRun run = evaluateRules(recording);
        assertTrue(run.applicable() > 0, "at least one rule really evaluated the recording: " + run);
    }

    /**
     * With the user's own default recording beside (JFR writes the events of all running recordings
     * into each), most rules find their events and really run over a file that holds Weft's too.
     */
    @Test
    void jmcRulesRunWithoutThrowingWhenTheUsersRecordingAddsTheirEvents() throws Exception {
        Path user = Files.createDirectories(out.resolve("user"));
        RuleRun beside = evaluateRules(recordWaits(out,
                List.of("-XX:StartFlightRecording:filename=" + user.resolve("user.jfr"))));
        RuleRun alone = evaluateRules(recording);
        assertTrue(beside.applicable() > alone.applicable(),
                "more rules apply with the default events: " + alone + " / " + beside);
        System.out.println("JMC rules, agent alone: " + alone + "; beside a default recording: " + beside);
    }

    record RuleRun(int rules, int applicable, Map<String, Long> bySeverity) { }

    private static RuleRun evaluateRules(Path jfr) throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(jfr.toFile());
        List<IRule> rules = List.copyOf(RuleRegistry.getRules());
        assertFalse(rules.isEmpty(), "JMC's JDK rules are on the class path");
        // the evaluation JMC itself runs: rules whose events are missing are reported, not run
        Map<IRule, Future<IResult>> futures = RulesToolkit.evaluateParallel(rules, items,
                IPreferenceValueProvider.DEFAULT_VALUES, 2);
        List<String> failures = new ArrayList<>();
        Map<String, Long> bySeverity = new TreeMap<>();
        int applicable = 0;
        for (IRule rule : rules) {
            if (RulesToolkit.matchesEventAvailabilityMap(items, rule.getRequiredEvents())) {
                applicable++;
            }
            try {
                IResult result = futures.get(rule).get();
                bySeverity.merge(String.valueOf(result.getSeverity()), 1L, Long::sum);
            } catch (ExecutionException e) {
                failures.add(rule.getId() + ": " + e.getCause());
            }
        }
        assertEquals(List.of(), failures, "JMC rules that threw on " + jfr.getFileName());
        assertEquals(rules.size(), futures.size(), "every rule has a result");
        return new RuleRun(rules.size(), applicable, bySeverity);
    }
}
