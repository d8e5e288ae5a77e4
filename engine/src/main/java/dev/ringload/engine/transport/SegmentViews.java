package dev.ringload.engine.transport;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;

/**
 * One {@link ByteBuffer} view per segment that requests are sent from, shared by every connection of a worker
 * (one thread): a connection keeps only where its send stands, and the view is aimed there for each write. A view
 * per connection cost 64 bytes each (a {@code DirectByteBuffer}), which at 100k connections is 6 MB for the same
 * few segments: a run sends from one template, or from a mix's one send area and its requests' own bytes.
 *
 * <p>A mix of very many requests sent one at a time from their own bytes would keep a view for each; past
 * {@link #MOST} the cache starts over, so memory stays bounded and only such a run pays a view now and then.
 */
final class SegmentViews {

    static final int MOST = 1024;

    private final IdentityHashMap<MemorySegment, ByteBuffer> views = new IdentityHashMap<>();
    private MemorySegment lastSegment;
    private ByteBuffer lastView;

    /** The view of {@code segment}, its position and limit left as the last user left them. */
    ByteBuffer of(MemorySegment segment) {
        if (segment == lastSegment) {
            return lastView;
        }
        ByteBuffer view = views.get(segment);
        if (view == null) {
            if (views.size() == MOST) {
                views.clear();
            }
            view = segment.asByteBuffer();
            views.put(segment, view);
        }
        lastSegment = segment;
        lastView = view;
        return view;
    }

    int size() {
        return views.size();
    }
}
