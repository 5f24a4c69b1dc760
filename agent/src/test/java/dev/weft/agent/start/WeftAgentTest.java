package dev.weft.agent.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The entry point must load on any JVM, so that Java 8 to 16 get one line instead of an abort: its
 * class file is Java 8's and names no other Weft class (they are Java 17's), and its version check
 * refuses exactly the releases below 17.
 */
class WeftAgentTest {

    private static final int JAVA8_CLASS_FILE = 52;

    @Test
    void belowSeventeenTheRefusalIsOneLineNamingTheVersionNeeded() {
        assertEquals("[weft] Weft needs Java 17 or newer and this is Java 8; the application runs without it",
                WeftAgent.refusal("1.8"));
        assertEquals("[weft] Weft needs Java 17 or newer and this is Java 11; the application runs without it",
                WeftAgent.refusal("11"));
        assertEquals("[weft] Weft needs Java 17 or newer and this is Java 16; the application runs without it",
                WeftAgent.refusal("16"));
    }

    @Test
    void fromSeventeenOnAndWhenUnreadableTheAgentStarts() {
        for (String version : new String[] {"17", "21", "25", "26", "17.0.1"}) {
            assertNull(WeftAgent.refusal(version), version);
        }
        assertNull(WeftAgent.refusal(null));
        assertNull(WeftAgent.refusal("seventeen"));
    }

    @Test
    void theEntryClassIsJava8CodeThatNamesNoOtherWeftClass() throws IOException {
        try (InputStream in = WeftAgent.class.getResourceAsStream("WeftAgent.class");
             DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort(); // minor
            assertEquals(JAVA8_CLASS_FILE, data.readUnsignedShort(), "WeftAgent.class must be compiled for Java 8");
            List<String> weftClasses = new ArrayList<>();
            for (String name : classNames(data)) {
                if (name.startsWith("dev/weft/") && !name.equals("dev/weft/agent/start/WeftAgent")) {
                    weftClasses.add(name);
                }
            }
            assertEquals(List.of(), weftClasses, "named only by reflection, after the version check");
        }
    }

    /** The CONSTANT_Class entries of a class file's constant pool (JVMS §4.4). */
    private static List<String> classNames(DataInputStream data) throws IOException {
        int count = data.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = data.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = data.readUTF();
                case 7 -> classIndexes.add(data.readUnsignedShort());
                case 8, 16, 19, 20 -> data.readUnsignedShort();
                case 15 -> data.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                case 5, 6 -> {
                    data.readLong();
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> names = new ArrayList<>();
        classIndexes.forEach(i -> names.add(utf8[i]));
        return names;
    }
}
