package dev.ringload.bindings.uring;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles native/layout-check.c with gcc against the system's {@code <linux/io_uring.h>} and checks every Java
 * layout's size, every field's offset and size, and every constant against what the C compiler says.
 */
class LayoutCheckTest {

    /** Every struct class in the bindings; a new one must be added here and to layout-check.c. */
    private static final List<Class<?>> STRUCTS = List.of(
            io_uring_sqe.class, io_uring_cqe.class, io_sqring_offsets.class, io_cqring_offsets.class,
            io_uring_params.class, io_uring_buf.class, io_uring_buf_ring.class, io_uring_buf_reg.class,
            io_uring_probe.class, io_uring_probe_op.class, io_uring_getevents_arg.class, io_uring_rsrc_update.class,
            __kernel_timespec.class, in_addr.class, sockaddr_in.class, sockaddr_in6.class, rlimit.class,
            linger.class);

    record Field(long offset, long size) {
    }

    static final Map<String, Long> C_STRUCT_SIZES = new TreeMap<>();
    static final Map<String, Field> C_FIELDS = new TreeMap<>();
    static final Map<String, Long> C_CONSTANTS = new TreeMap<>();

    @BeforeAll
    static void compileAndRunLayoutCheck(@TempDir Path dir) throws Exception {
        Path source = Path.of(System.getProperty("ringload.layoutCheckSource", "../native/layout-check.c"));
        assertThat(source).exists();
        Path binary = dir.resolve("layout-check");
        run(List.of("gcc", "-Wall", "-Werror", "-I", source.getParent().toString(), "-o", binary.toString(),
                source.toString()), dir);
        for (String line : run(List.of(binary.toString()), dir).split("\n")) {
            String[] p = line.trim().split(" ");
            switch (p[0]) {
                case "struct" -> C_STRUCT_SIZES.put(p[1], Long.parseLong(p[2]));
                case "field" -> C_FIELDS.put(p[1], new Field(Long.parseLong(p[2]), Long.parseLong(p[3])));
                case "const" -> C_CONSTANTS.put(p[1], Long.parseLong(p[2]));
                default -> throw new AssertionError("unexpected line from layout-check: " + line);
            }
        }
        assertThat(C_STRUCT_SIZES).hasSize(STRUCTS.size());
    }

    private static String run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", command, output).isZero();
        return output;
    }

    @Test
    void everyStructSizeMatchesGcc() throws Exception {
        for (Class<?> struct : STRUCTS) {
            GroupLayout layout = layoutOf(struct);
            assertThat(layout.name()).contains(struct.getSimpleName());
            assertThat(layout.byteSize()).as("sizeof(struct %s)", struct.getSimpleName())
                    .isEqualTo(C_STRUCT_SIZES.get(struct.getSimpleName()));
        }
    }

    @Test
    void everyFieldOffsetAndSizeMatchesGcc() throws Exception {
        Map<String, Field> java = new TreeMap<>();
        for (Class<?> struct : STRUCTS) {
            flatten(struct.getSimpleName() + ".", layoutOf(struct), 0, java);
        }
        // Same set on both sides: a field declared in Java but not checked in C (or the reverse) fails too.
        assertThat(difference(java.keySet(), C_FIELDS.keySet())).as("fields in Java only").isEmpty();
        assertThat(difference(C_FIELDS.keySet(), java.keySet())).as("fields in C only").isEmpty();
        java.forEach((name, field) -> assertThat(field).as(name).isEqualTo(C_FIELDS.get(name)));
    }

    @Test
    void everyOffsetAccessorMatchesGcc() throws Exception {
        int checked = 0;
        for (Class<?> struct : STRUCTS) {
            for (Method m : struct.getMethods()) {
                if (m.getName().endsWith("$offset") && m.getParameterCount() == 0) {
                    String field = m.getName().substring(0, m.getName().length() - "$offset".length());
                    String key = struct.getSimpleName() + "." + field;
                    assertThat(C_FIELDS).as("C knows %s", key).containsKey(key);
                    assertThat((long) m.invoke(null)).as(key).isEqualTo(C_FIELDS.get(key).offset());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void everyConstantMatchesGcc() throws Exception {
        Map<String, Long> java = new LinkedHashMap<>();
        for (Class<?> holder : List.of(ringload_h.class, ringload_h_Addendum.class)) {
            for (Method m : holder.getDeclaredMethods()) {
                if (isConstant(m)) {
                    java.put(m.getName(), ((Number) m.invoke(null)).longValue());
                }
            }
        }
        // Every constant of the system header must be bound; addendum constants are checked where the header has them.
        for (Map.Entry<String, Long> c : C_CONSTANTS.entrySet()) {
            assertThat(java).as("constant %s bound in Java", c.getKey()).containsKey(c.getKey());
            assertThat(java.get(c.getKey())).as(c.getKey()).isEqualTo(c.getValue());
        }
        for (Method m : ringload_h.class.getDeclaredMethods()) {
            if (isConstant(m)) {
                assertThat(C_CONSTANTS).as("%s checked by layout-check.c", m.getName()).containsKey(m.getName());
            }
        }
    }

    /** Constants are the public static no-argument int/long methods; every function takes its errno segment. */
    private static boolean isConstant(Method m) {
        return Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                && (m.getReturnType() == int.class || m.getReturnType() == long.class) && !m.getName().contains("$");
    }

    private static java.util.Set<String> difference(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> d = new java.util.TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static GroupLayout layoutOf(Class<?> struct) throws Exception {
        return (GroupLayout) struct.getMethod("layout").invoke(null);
    }

    /** Names members as C reaches them: anonymous groups are transparent, named groups are dotted and recorded. */
    private static void flatten(String prefix, GroupLayout group, long base, Map<String, Field> out) {
        long offset = base;
        for (MemoryLayout member : group.memberLayouts()) {
            String name = member.name().orElseThrow(() -> new AssertionError("unnamed member in " + prefix));
            boolean anonymous = name.startsWith("$anon$");
            if (!anonymous) {
                out.put(prefix + name, new Field(offset, member.byteSize()));
            }
            if (member instanceof GroupLayout nested) {
                flatten(anonymous ? prefix : prefix + name + ".", nested, offset, out);
            }
            if (group instanceof java.lang.foreign.StructLayout) {
                offset += member.byteSize();
            }
        }
    }
}
