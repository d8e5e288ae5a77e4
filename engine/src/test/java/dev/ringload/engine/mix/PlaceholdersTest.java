package dev.ringload.engine.mix;

import dev.ringload.engine.mix.Placeholders.Kind;
import dev.ringload.engine.mix.Placeholders.Placeholder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceholdersTest {

    @Test
    void findsEachKindWithItsOffsets() {
        String text = "/u/{seq}?r={rand:5:90}&c={conn}-{thread}";
        assertThat(Placeholders.find(text)).containsExactly(
                new Placeholder(3, 8, Kind.SEQ, 0, 0),
                new Placeholder(11, 22, Kind.RAND, 5, 90),
                new Placeholder(25, 31, Kind.CONN, 0, 0),
                new Placeholder(32, 40, Kind.THREAD, 0, 0));
        assertThat(text.substring(11, 22)).isEqualTo("{rand:5:90}");
    }

    @Test
    void randAcceptsEqualBoundsAndTheWholeLongRange() {
        assertThat(Placeholders.find("{rand:7:7}")).containsExactly(new Placeholder(0, 10, Kind.RAND, 7, 7));
        assertThat(Placeholders.find("{rand:0:9223372036854775807}").getFirst().b()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void jsonAndOtherLiteralBracesAreNotPlaceholders() {
        assertThat(Placeholders.find("{\"a\":1,\"b\":{\"c\":[{}]}}")).isEmpty();
        assertThat(Placeholders.find("{ seq }{1:2}{}{seq")).isEmpty();
        assertThat(Placeholders.find("{\"id\":{seq}}")).containsExactly(new Placeholder(6, 11, Kind.SEQ, 0, 0));
        assertThat(Placeholders.find("{{seq}}")).containsExactly(new Placeholder(1, 6, Kind.SEQ, 0, 0));
    }

    @Test
    void unknownNamesAreRefusedByName() {
        assertThatThrownBy(() -> Placeholders.find("/a/{foo}/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder {foo}; use {seq}, {rand:A:B}, {conn}, {thread}");
        assertThatThrownBy(() -> Placeholders.find("x{Seq}"))
                .hasMessage("unknown placeholder {Seq}; use {seq}, {rand:A:B}, {conn}, {thread}");
        assertThatThrownBy(() -> Placeholders.find("{random:1:2}"))
                .hasMessage("unknown placeholder {random:1:2}; use {seq}, {rand:A:B}, {conn}, {thread}");
    }

    @Test
    void malformedOnesAreRefused() {
        assertThatThrownBy(() -> Placeholders.find("{rand:5:1}"))
                .hasMessage("placeholder {rand:5:1} has A > B; use {rand:A:B} with A <= B");
        assertThatThrownBy(() -> Placeholders.find("{rand:a:b}"))
                .hasMessage("malformed placeholder {rand:a:b}; use {rand:A:B} with whole numbers 0 <= A <= B");
        assertThatThrownBy(() -> Placeholders.find("{rand:-1:3}"))
                .hasMessage("malformed placeholder {rand:-1:3}; use {rand:A:B} with whole numbers 0 <= A <= B");
        assertThatThrownBy(() -> Placeholders.find("{rand}"))
                .hasMessage("malformed placeholder {rand}; use {rand:A:B} with whole numbers 0 <= A <= B");
        assertThatThrownBy(() -> Placeholders.find("{rand:1:2\n}"))
                .hasMessage("malformed placeholder {rand:1:2; use {rand:A:B} with whole numbers 0 <= A <= B");
        assertThatThrownBy(() -> Placeholders.find("{rand:0:9223372036854775808}"))
                .hasMessage("placeholder {rand:0:9223372036854775808} has a number above 9223372036854775807");
        assertThatThrownBy(() -> Placeholders.find("{seq:3}"))
                .hasMessage("malformed placeholder {seq:3}; use {seq}");
    }

    /** The letters a name may hold end at a, z, A and Z: one past them is literal text, at them it is a name. */
    @Test
    void namesAreLettersUpToAndIncludingTheEdgesOfEachRange() {
        for (String name : new String[] {"a", "z", "A", "Z", "azAZ"}) {
            assertThatThrownBy(() -> Placeholders.find("/{" + name + "}"))
                    .hasMessage("unknown placeholder {" + name + "}; use {seq}, {rand:A:B}, {conn}, {thread}");
        }
        assertThat(Placeholders.find("/{`}{{}{@}{[}")).as("the characters next to each range").isEmpty();
    }

    /** With no closing brace, a message shows the placeholder to the end of the text, or its first 40 characters. */
    @Test
    void aMalformedPlaceholderIsShownToTheEndOfTheTextOrForty() {
        assertThatThrownBy(() -> Placeholders.find("/a?{rand:1"))
                .hasMessage("malformed placeholder {rand:1; use {rand:A:B} with whole numbers 0 <= A <= B");
        String digits = "1".repeat(60);
        String shown = ("{rand:" + digits).substring(0, 40);
        assertThatThrownBy(() -> Placeholders.find("/items?page=2&r={rand:" + digits))
                .hasMessage("malformed placeholder " + shown + "; use {rand:A:B} with whole numbers 0 <= A <= B");
    }
}
