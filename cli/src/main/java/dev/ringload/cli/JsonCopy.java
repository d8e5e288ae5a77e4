package dev.ringload.cli;

import java.util.List;
import java.util.Map;

/** Writes a value {@link JsonReader} read back out through {@link Json}: for parts of a report kept as they were. */
final class JsonCopy {

    private JsonCopy() {
    }

    static void value(Json j, Object v) {
        switch (v) {
            case null -> j.nullValue();
            case String s -> j.value(s);
            case Boolean b -> j.value(b);
            case Double d -> j.value(d.doubleValue()); // Json writes whole numbers without a fraction
            case Map<?, ?> m -> {
                j.beginObject();
                m.forEach((k, x) -> {
                    j.name((String) k);
                    value(j, x);
                });
                j.endObject();
            }
            case List<?> list -> {
                j.beginArray();
                list.forEach(x -> value(j, x));
                j.endArray();
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass().getSimpleName());
        }
    }
}
