package dev.ringload.engine.server;

import dev.ringload.engine.Engine;
import dev.ringload.engine.EngineAssumptions;
import dev.ringload.engine.Engines;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.LoadRun;
import dev.ringload.engine.load.RequestTemplate;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.load.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's faults for testing clients (--stall, --max-rate), on both server engines, seen by a real client. */
@ParameterizedClass
@EnumSource(Engine.class)
class ServerFaultsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Parameter
    Engine engine;

    private TargetServer server;

    @BeforeEach
    void engineUsable() {
        EngineAssumptions.assumeUsable(engine);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RunResult load(ServerConfig.Faults faults, int connections, long durationMs) throws Exception {
        server = TargetServer.start(ServerConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withFaults(faults), engine);
        Target target = Target.parse("http://127.0.0.1:" + server.port() + "/");
        LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                .connections(connections).durationNs(durationMs * MS).build();
        Engine client = Engines.usable();
        return new LoadRun(config, client.label(), client.transports()).execute();
    }

    @Test
    void aStallingServerHoldsEveryAnswerUntilItsStallEnds() throws Exception {
        RunResult r = load(new ServerConfig.Faults(300 * MS, 1000 * MS, 0), 4, 2500);
        assertThat(r.errors()).isZero();
        // Requests in flight when a stall begins wait for its end: up to the stall's length, not more.
        assertThat(r.latency().maxNs()).isBetween(250 * MS, 450 * MS);
        assertThat(r.latency().valueAtPercentileNs(50)).as("outside the stalls").isLessThan(20 * MS);
    }

    @Test
    void aRateLimitedServerAnswersAtItsRate() throws Exception {
        RunResult r = load(new ServerConfig.Faults(0, 0, 2000), 16, 2000);
        assertThat(r.errors()).isZero();
        assertThat(r.requestsPerSecond()).isBetween(1800.0, 2200.0);
    }
}
