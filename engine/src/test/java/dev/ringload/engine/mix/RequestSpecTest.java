package dev.ringload.engine.mix;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestSpecTest {

    @Test
    void aSpecCannotBeChangedFromOutside() {
        byte[] body = {1, 2};
        byte[] raw = {3, 4};
        List<String> headers = new ArrayList<>(List.of("A: 1"));
        RequestSpec spec = new RequestSpec("POST", "/x", headers, body, 2, "f:1", raw);
        body[0] = 9;
        raw[0] = 9;
        headers.add("B: 2");
        spec.body()[1] = 9;
        spec.raw()[1] = 9;
        assertThat(spec.body()).containsExactly(1, 2);
        assertThat(spec.raw()).containsExactly(3, 4);
        assertThat(spec.headers()).containsExactly("A: 1");
        assertThatThrownBy(() -> spec.headers().add("C: 3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void specsAreValuesAndTheShortFormIsAnEncodedWeightOneRequest() {
        RequestSpec a = new RequestSpec("HEAD", "http://h/", List.of(), new byte[] {1}, "f:1");
        assertThat(a.weight()).isEqualTo(1);
        assertThat(a.isRaw()).isFalse();
        assertThat(a.raw()).isNull();
        assertThat(a.head()).isTrue();
        assertThat(a).isEqualTo(new RequestSpec("HEAD", "http://h/", List.of(), new byte[] {1}, 1, "f:1", null))
                .hasSameHashCodeAs(new RequestSpec("HEAD", "http://h/", List.of(), new byte[] {1}, "f:1"))
                .isNotEqualTo(new RequestSpec("HEAD", "http://h/", List.of(), new byte[] {2}, "f:1"));
        assertThatThrownBy(() -> new RequestSpec("GET", "http://h/", List.of(), new byte[0], 0, "f:3", null))
                .hasMessage("f:3: weight must be at least 1, got 0");
    }
}
