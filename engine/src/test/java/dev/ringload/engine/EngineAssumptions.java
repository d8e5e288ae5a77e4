package dev.ringload.engine;

import dev.ringload.engine.uring.IoUring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** For suites that run on both engines: only the io_uring half needs io_uring; the NIO half runs everywhere. */
public final class EngineAssumptions {

    private EngineAssumptions() {
    }

    /** Skips the current test when {@code engine} is io_uring and io_uring is unusable here. */
    public static void assumeUsable(Engine engine) {
        if (engine == Engine.IO_URING) {
            assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
        }
    }
}
