package dev.ringload.engine.transport;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** Connections sending from one segment share one view of it; a run of very many segments keeps only so many. */
class SegmentViewsTest {

    @Test
    void oneViewPerSegmentCoveringAllOfIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(100);
            MemorySegment b = arena.allocate(40);
            SegmentViews views = new SegmentViews();
            ByteBuffer va = views.of(a);
            assertThat(views.of(b)).isNotSameAs(va);
            assertThat(views.of(a)).isSameAs(va);
            assertThat(va.capacity()).isEqualTo(100);
            assertThat(views.of(b).capacity()).isEqualTo(40);
            assertThat(views.size()).isEqualTo(2);
        }
    }

    @Test
    void manySegmentsStartTheCacheOver() {
        try (Arena arena = Arena.ofConfined()) {
            SegmentViews views = new SegmentViews();
            MemorySegment first = arena.allocate(8);
            ByteBuffer view = views.of(first);
            for (int i = 0; i < SegmentViews.MOST; i++) {
                views.of(arena.allocate(8));
                assertThat(views.size()).isLessThanOrEqualTo(SegmentViews.MOST);
            }
            assertThat(views.size()).as("started over once full").isLessThan(SegmentViews.MOST);
            ByteBuffer again = views.of(first);
            assertThat(again).isNotSameAs(view);
            assertThat(again.capacity()).isEqualTo(8);
        }
    }
}
