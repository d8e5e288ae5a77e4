package dev.ringload.cli;

import dev.ringload.engine.load.IntervalListener;
import dev.ringload.engine.load.SecondSample;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code --hlog FILE}: an HdrHistogram interval log, as HdrHistogram's own {@link HistogramLogWriter} writes it
 * (version, start time, base time, legend, then one compressed histogram per line), written as the run goes so an
 * interrupted run keeps what it measured. Each second gives one interval per kind, tagged: {@code warmup},
 * {@code latency} (open loop: corrected) and, in an open loop, {@code service}. Values are nanoseconds.
 */
final class HlogWriter implements IntervalListener, AutoCloseable {

    /** The log's max column in milliseconds, as HdrHistogram's tools assume for nanosecond values. */
    private static final double MAX_VALUE_UNIT_RATIO = 1e6;

    private final PrintStream out;
    private final HistogramLogWriter writer;
    private boolean started;

    HlogWriter(Path file) throws FileNotFoundException {
        this.out = new PrintStream(file.toFile());
        this.writer = new HistogramLogWriter(out);
    }

    @Override
    public void onSecond(SecondSample sample, Histogram latency, Histogram service) {
        if (!started) {
            started = true;
            writer.outputComment("ringload " + VersionProvider.version()
                    + ": per-second latency in nanoseconds; tags: warmup, latency, service (open loop)");
            writer.outputLogFormatVersion();
            writer.setBaseTime(sample.startMs());
            writer.outputStartTime(sample.startMs());
            writer.outputBaseTime(sample.startMs());
            writer.outputLegend();
        }
        write(latency, sample.warmup() ? "warmup" : "latency");
        if (service != null) {
            write(service, "service");
        }
        out.flush();
    }

    private void write(Histogram h, String tag) {
        h.setTag(tag);
        writer.outputIntervalHistogram(h.getStartTimeStamp() / 1000.0 - writer.getBaseTime() / 1000.0,
                h.getEndTimeStamp() / 1000.0 - writer.getBaseTime() / 1000.0, h, MAX_VALUE_UNIT_RATIO);
        h.setTag(null);
    }

    @Override
    public void close() {
        out.close();
    }
}
