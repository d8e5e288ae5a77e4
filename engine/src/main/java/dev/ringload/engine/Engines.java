package dev.ringload.engine.load;

import dev.ringload.engine.uring.IoUring;

import java.util.Locale;

/** The engine choice: {@code auto} (io_uring where the probe allows it, else NIO), {@code uring} or {@code nio}. */
public final class Engines {

    public static final String IO_URING = "io_uring";
    public static final String NIO = "nio";

    private Engines() {
    }

    /**
     * What {@code --engine} resolves to here.
     *
     * @param name     the engine that will run ("io_uring" or "nio")
     * @param fellBack true when {@code auto} chose NIO because io_uring is unusable
     * @param reason   why io_uring is unusable (null when it is usable)
     */
    public record Choice(String name, boolean fellBack, String reason) {
        public LoadRun.WorkerFactory factory() {
            return factoryFor(name);
        }
    }

    /**
     * Resolves {@code auto|uring|nio}.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    when {@code uring} is forced but unusable (the message is the probe's reason)
     */
    public static Choice choose(String requested) {
        String r = requested.toLowerCase(Locale.ROOT);
        switch (r) {
            case "nio" -> {
                return new Choice(NIO, false, IoUring.isAvailable() ? null : IoUring.probe().reason());
            }
            case "uring", "io_uring" -> {
                if (!IoUring.isAvailable()) {
                    throw new IllegalStateException(IoUring.probe().reason());
                }
                return new Choice(IO_URING, false, null);
            }
            case "auto" -> {
                return IoUring.isAvailable() ? new Choice(IO_URING, false, null)
                        : new Choice(NIO, true, IoUring.probe().reason());
            }
            default -> throw new IllegalArgumentException("unknown engine '" + requested + "': expected auto, uring or nio");
        }
    }

    public static LoadRun.WorkerFactory factoryFor(String name) {
        return name.equals(NIO) ? NioLoadWorker::new : UringLoadWorker::new;
    }
}
