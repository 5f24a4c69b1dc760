package dev.weft.agent.weave;

import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadFilterTest {

    @Test
    void parsesEveryFormOfTheGrammar() {
        WorkloadFilter f = WorkloadFilter.parse(" com.example.Foo ; com.example.Foo::bar;::baz;@com.example.Traced;a.B::<clinit>");
        List<WorkloadFilter.Entry> e = f.entries();
        assertEquals(5, e.size());
        assertEquals("com.example.Foo", e.get(0).className());
        assertNull(e.get(0).methodName());
        assertEquals("bar", e.get(1).methodName());
        assertTrue(e.get(2).anyClass());
        assertEquals("baz", e.get(2).methodName());
        assertEquals("com.example.Traced", e.get(3).annotation());
        assertEquals("<clinit>", e.get(4).methodName());
        assertTrue(f.problems().isEmpty());
    }

    @Test
    void invalidEntriesAreNamedAndSkipped() {
        WorkloadFilter f = WorkloadFilter.parse("good.Cls;bad..name;x.Y::;@;::1abc;ok.Z::m");
        assertEquals(2, f.entries().size());
        assertEquals(4, f.problems().size());
        assertTrue(f.problems().get(0).contains("'bad..name'"), f.problems().get(0));
    }

    @Test
    void matchersSelectExactlyTheNamedMethods() throws Exception {
        TypeDescription type = TypeDescription.ForLoadedType.of(Sample.class);
        MethodDescription work = new MethodDescription.ForLoadedMethod(Sample.class.getDeclaredMethod("work"));
        MethodDescription other = new MethodDescription.ForLoadedMethod(Sample.class.getDeclaredMethod("other"));
        MethodDescription traced = new MethodDescription.ForLoadedMethod(Sample.class.getDeclaredMethod("traced"));

        WorkloadFilter.Entry byMethod = WorkloadFilter.parse(Sample.class.getName() + "::work").entries().get(0);
        assertTrue(Installer.workloadTypes(byMethod).matches(type));
        assertTrue(Installer.workloadMethods(byMethod).matches(work));
        assertTrue(!Installer.workloadMethods(byMethod).matches(other));

        WorkloadFilter.Entry byClass = WorkloadFilter.parse(Sample.class.getName()).entries().get(0);
        assertTrue(Installer.workloadMethods(byClass).matches(work));
        assertTrue(Installer.workloadMethods(byClass).matches(other));

        WorkloadFilter.Entry byAnnotation = WorkloadFilter.parse("@" + Traced.class.getName()).entries().get(0);
        assertTrue(Installer.workloadTypes(byAnnotation).matches(type));
        assertTrue(Installer.workloadMethods(byAnnotation).matches(traced));
        assertTrue(!Installer.workloadMethods(byAnnotation).matches(work));

        WorkloadFilter.Entry anyClass = WorkloadFilter.parse("::other").entries().get(0);
        assertTrue(Installer.workloadTypes(anyClass).matches(type));
        assertTrue(Installer.workloadMethods(anyClass).matches(other));
        assertTrue(!Installer.workloadTypes(anyClass).matches(TypeDescription.ForLoadedType.of(String.class)));
    }

    @Test
    void thePreCheckPassesOnlyClassesThatMayMatch() {
        byte[] annotated = "...Lcom/example/Traced;...".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] plain = "...nothing here...".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        WorkloadFilter f = WorkloadFilter.parse("com.example.Foo;@com.example.Traced;::compute");
        assertTrue(f.mayMatch("com/example/Foo", plain), "named outright");
        assertTrue(f.mayMatch("com/example/Bar", annotated), "mentions the annotation");
        assertTrue(f.mayMatch("com/example/Baz", "...compute...".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(!f.mayMatch("com/example/Bar", plain));
        assertTrue(!f.mayMatch("java/util/HashMap", annotated), "JDK classes only when named outright");
        assertTrue(!WorkloadFilter.none().mayMatch("com/example/Foo", annotated));
        WorkloadFilter traced = WorkloadFilter.parse("@" + dev.weft.fixture.Traced.class.getName());
        assertTrue(traced.mayMatchLoaded(dev.weft.fixture.TracedSample.class), "an annotated method");
        assertTrue(!traced.mayMatchLoaded(dev.weft.fixture.FixtureApp.class));
        assertTrue(!WorkloadFilter.parse("@" + Traced.class.getName()).mayMatchLoaded(Sample.class),
                "Weft's own classes are never woven");
    }

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @interface Traced { }

    static class Sample {
        void work() { }

        void other() { }

        @Traced
        void traced() { }
    }
}
