package dev.ringload.cli;

import dev.ringload.engine.Engine;
import dev.ringload.engine.Engines;
import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.server.TargetServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The built-in server ({@code ringload serve}) as a target for CLI tests, owned by a JUnit extension so that it is
 * closed even when a test, or the start itself, fails. Register it on a static field with
 * {@code @RegisterExtension}: {@link #forClass} serves the whole class, {@link #forEachTest} lets each test
 * {@link #start} its own server (for options that differ from test to test), closed after that test.
 */
final class ServeTarget implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** What the class's server runs; null when each test starts its own. */
    private final ServerConfig classConfig;
    private final Engine engine;
    private TargetServer server;

    private ServeTarget(ServerConfig classConfig, Engine engine) {
        this.classConfig = classConfig;
        this.engine = engine;
    }

    /** One server with the defaults of {@code ringload serve}, on whichever engine this host has. */
    static ServeTarget forClass() {
        return forClass(loopback(), Engines.usable());
    }

    /** One server with {@code config} on {@code engine} for the whole class. */
    static ServeTarget forClass(ServerConfig config, Engine engine) {
        return new ServeTarget(config, engine);
    }

    /** No server until a test calls {@link #start}; each one is closed after the test that started it. */
    static ServeTarget forEachTest() {
        return new ServeTarget(null, Engines.usable());
    }

    /** The defaults of {@code ringload serve} on any free loopback port. */
    static ServerConfig loopback() {
        return ServerConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Starts this test's server with {@code config}; returns its URL. Only for {@link #forEachTest}. */
    String start(ServerConfig config) {
        if (classConfig != null || server != null) {
            throw new IllegalStateException("already serving: start() is for forEachTest(), once per test");
        }
        server = TargetServer.start(config, engine);
        return url();
    }

    TargetServer server() {
        if (server == null) {
            throw new IllegalStateException("no server: register ServeTarget on a static field, and with "
                    + "forEachTest() call start() first");
        }
        return server;
    }

    int port() {
        return server().port();
    }

    /** {@code http://127.0.0.1:<port>/} */
    String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classConfig != null) {
            server = TargetServer.start(classConfig, engine);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (classConfig == null) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (server != null) {
            try {
                server.close();
            } finally {
                server = null;
            }
        }
    }
}
