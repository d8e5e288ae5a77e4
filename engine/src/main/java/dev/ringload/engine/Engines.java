package dev.ringload.engine;

import dev.ringload.engine.uring.IoUring;

import java.util.Locale;

/** Resolves {@code --engine auto|uring|nio}: io_uring where the probe allows it, else NIO (auto), or forced. */
public final class Engines {

    private Engines() {
    }

    /**
     * What {@code --engine} resolves to here.
     *
     * @param engine   the engine that will run
     * @param fellBack true when {@code auto} chose NIO because io_uring is unusable
     * @param reason   why io_uring is unusable (null when it is usable)
     */
    public record Choice(Engine engine, boolean fellBack, String reason) {
        /** "io_uring" or "nio". */
        public String name() {
            return engine.label();
        }
    }

    /**
     * Resolves {@code auto|uring|io_uring|nio}.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    when {@code uring} is forced but unusable (the message is the probe's reason)
     */
    public static Choice choose(String requested) {
        String r = requested.toLowerCase(Locale.ROOT);
        switch (r) {
            case "nio" -> {
                return new Choice(Engine.NIO, false, IoUring.isAvailable() ? null : IoUring.probe().reason());
            }
            case "uring", "io_uring" -> {
                if (!IoUring.isAvailable()) {
                    throw new IllegalStateException(IoUring.probe().reason());
                }
                return new Choice(Engine.IO_URING, false, null);
            }
            case "auto" -> {
                return IoUring.isAvailable() ? new Choice(Engine.IO_URING, false, null)
                        : new Choice(Engine.NIO, true, IoUring.probe().reason());
            }
            default -> throw new IllegalArgumentException("unknown engine '" + requested + "': expected auto, uring or nio");
        }
    }

    /** Whether io_uring is usable here, and if not why: the probe's one line (for --version). */
    public static String ioUringStatus() {
        return IoUring.probe().reason();
    }

    /** The engine this host runs by default: io_uring where usable, else NIO. */
    public static Engine usable() {
        return IoUring.isAvailable() ? Engine.IO_URING : Engine.NIO;
    }
}
