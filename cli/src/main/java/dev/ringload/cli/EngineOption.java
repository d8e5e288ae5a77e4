package dev.ringload.cli;

import dev.ringload.engine.Engines;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The {@code --engine auto|uring|nio} option every command shares (a picocli mixin). */
final class EngineOption {

    @Option(names = "--engine", defaultValue = "auto", paramLabel = "auto|uring|nio",
            description = "I/O engine: io_uring where usable (auto, the default), forced (uring: exit 4 where "
                    + "unusable), or NIO.")
    String engine;

    /**
     * Resolves the option; prints the fallback notice, or why it cannot run. Null means: stop, with
     * {@link #exitCode()}.
     */
    Engines.Choice choose(String prefix, PrintWriter err) {
        try {
            Engines.Choice choice = Engines.choose(engine);
            if (choice.fellBack()) {
                err.println(prefix + ": " + choice.reason() + " - using the NIO engine");
                err.flush();
            }
            return choice;
        } catch (IllegalArgumentException e) {
            err.println(prefix + ": " + e.getMessage());
            err.flush();
            return null;
        } catch (IllegalStateException e) {
            err.println(prefix + ": --engine uring: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /** After {@link #choose} returned null: 4 when io_uring was forced but unusable, 2 for an unknown name. */
    int exitCode() {
        return List.of("auto", "uring", "io_uring", "nio").contains(engine.toLowerCase(Locale.ROOT))
                ? ExitCodes.NO_IO_URING : ExitCodes.USAGE;
    }
}
