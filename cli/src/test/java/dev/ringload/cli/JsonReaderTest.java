package dev.ringload.cli;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {

    @Test
    void readsWhatTheWriterWrote() {
        String text = new Json().beginObject().field("name", "ringload").field("count", 3).field("ratio", 0.25)
                .field("on", true).name("none").nullValue()
                .name("inner").beginObject().name("list").beginArray().value(1).value("two").beginArray().endArray()
                .beginObject().endObject().endArray().endObject()
                .endObject().toString();
        Object root = JsonReader.parse(text);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "ringload");
        expected.put("count", 3.0);
        expected.put("ratio", 0.25);
        expected.put("on", true);
        expected.put("none", null);
        expected.put("inner", Map.of("list", List.of(1.0, "two", List.of(), Map.of())));
        assertThat(root).isInstanceOf(LinkedHashMap.class).isEqualTo(expected);
        assertThat(JsonReader.at(root, "name")).isEqualTo("ringload");
        assertThat(JsonReader.at(root, "count")).isEqualTo(3.0);
        assertThat(JsonReader.at(root, "ratio")).isEqualTo(0.25);
        assertThat(JsonReader.at(root, "on")).isEqualTo(true);
        assertThat(JsonReader.array(root, "inner.list")).isEqualTo(List.of(1.0, "two", List.of(), Map.of()));
        assertThat(List.copyOf(((Map<?, ?>) root).keySet())).as("file order")
                .isEqualTo(List.of("name", "count", "ratio", "on", "none", "inner"));
    }

    @Test
    void everyStringTheWriterEscapesComesBack() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) all.append(c);
        all.append("é€\uD83D\uDE00");
        String text = new Json().beginArray().value(all.toString()).endArray().toString();
        assertThat(JsonReader.parse(text)).isEqualTo(List.of(all.toString()));
    }

    @Test
    void readsEveryEscapeAndNumberForm() {
        assertThat(JsonReader.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u20AC\""))
                .isEqualTo("\" \\ / \b \f \n \r \t é €");
        assertThat(JsonReader.parse(" [0, -0.5, 12, 1e3, 2.5E-2, -1E+2, 12345678901234] "))
                .isEqualTo(List.of(0.0, -0.5, 12.0, 1000.0, 0.025, -100.0, 12345678901234.0));
        assertThat(JsonReader.parse("\t\r\n true \n")).isEqualTo(true);
        assertThat(JsonReader.parse("null")).isNull();
    }

    @Test
    void dottedPathsGiveNullForAnythingAbsent() {
        Object root = JsonReader.parse("{\"a\":{\"b\":{\"c\":7}},\"s\":\"x\",\"l\":[1]}");
        assertThat(JsonReader.number(root, "a.b.c")).isEqualTo(7.0);
        assertThat(JsonReader.at(root, "a.b")).isEqualTo(Map.of("c", 7.0));
        assertThat(JsonReader.at(root, "a.x.c")).isNull();
        assertThat(JsonReader.at(root, "s.length")).as("through a string").isNull();
        assertThat(JsonReader.number(root, "s")).as("not a number").isNull();
        assertThat(JsonReader.array(root, "l")).isEqualTo(List.of(1.0));
        assertThat(JsonReader.array(root, "a")).isNull();
    }

    @Test
    void rejectsWhatIsNotStrictJson() {
        for (String bad : List.of("", "   ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "01", "1.",
                ".5", "-", "+1", "1e", "1e+", "tru", "nul", "NaN", "Infinity", "[1] x", "{} {}", "\"a\nb\"",
                "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"open", "[1 2]", "// comment\n1", "{\"a\":1,\"a\":2}",
                "\u00a01")) {
            assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void errorsNameTheLineAndColumn() {
        assertThatThrownBy(() -> JsonReader.parse("{\n  \"a\": tru\n}"))
                .hasMessage("expected true at line 2 column 8");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,\"a\":2}"))
                .hasMessage("duplicate key \"a\" at line 1 column 8");
        assertThatThrownBy(() -> JsonReader.parse("[1, 2")).hasMessage("expected ',' or ']' at end of input");
        assertThatThrownBy(() -> JsonReader.parse("{} x")).hasMessage("text after the JSON value at line 1 column 4");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        char[] open = new char[100_000];
        Arrays.fill(open, '[');
        assertThatThrownBy(() -> JsonReader.parse(new String(open)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper than");
        assertThat(JsonReader.parse("[".repeat(100) + "]".repeat(100))).isInstanceOf(List.class);
    }
}
