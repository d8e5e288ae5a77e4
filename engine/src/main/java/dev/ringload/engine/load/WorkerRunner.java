package dev.ringload.engine.load;

import dev.ringload.engine.os.Affinity;
import dev.ringload.engine.os.TimerSlack;
import dev.ringload.engine.transport.NanoClock;
import dev.ringload.engine.transport.Transport;

import java.util.concurrent.TimeUnit;

/**
 * The thread around a {@link LoadWorker} (Agrona's {@code AgentRunner}): pins itself, opens the transport, and
 * loops: the clock, the worker's duty cycle, the transport's poll, which waits in the kernel when nothing is ready
 * (in an open loop, no longer than until the next request is due).
 */
public final class WorkerRunner implements Runnable {

    /** Wait at most this long in the kernel, so stop requests, timeouts and reconnects are seen promptly. */
    static final long MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LoadWorker worker;
    private final Transport transport;
    private final int cpu;
    private final NanoClock clock;
    private volatile boolean finished;
    private volatile Throwable failure;

    /** @param cpu the CPU to pin the thread to, or -1 */
    public WorkerRunner(LoadWorker worker, Transport transport, int cpu, NanoClock clock) {
        this.worker = worker;
        this.transport = transport;
        this.cpu = cpu;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            if (cpu >= 0) {
                Affinity.pinCurrentThread(cpu);
            }
            if (worker.openLoop()) {
                TimerSlack.setForCurrentThread(1); // wake when the next request is due, not up to 50 us later
            }
            transport.open(worker, clock);
            worker.start(clock.nanoTime());
            while (worker.keepRunning()) {
                worker.doWork(clock.nanoTime());
                try {
                    transport.poll(!worker.keepRunning() ? 0
                            : worker.openLoop() ? worker.waitNs(clock.nanoTime(), MAX_WAIT_NS) : MAX_WAIT_NS);
                } finally {
                    worker.endRound();
                }
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            worker.finish();
            try {
                transport.close();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            }
            finished = true;
        }
    }

    public LoadWorker worker() {
        return worker;
    }

    /** The thread has ended (the worker's final counters are published). */
    public boolean finished() {
        return finished;
    }

    /** What ended the thread early, or null. */
    public Throwable failure() {
        return failure;
    }
}
