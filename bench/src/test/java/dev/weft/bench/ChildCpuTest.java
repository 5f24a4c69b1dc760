package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChildCpuTest {

    @Test
    void addsTheChildrensUserAndSystemTicksAsMilliseconds() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
        String stat = "4242 (java) S 1 4242 4242 0 -1 4194304 100 200 0 0 50 7 123 45 20 0 30 0";
        assertEquals((123 + 45) * 10, ChildCpu.parse(stat));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "7 (a b) c) R 1 7 7 0 -1 0 0 0 0 0 1 2 3 4 20 0 1 0";
        assertEquals((3 + 4) * 10, ChildCpu.parse(stat));
    }
}
