package io.roomwatch.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process), run as a child JVM from the
 * Kafka artifacts on this JVM's class path ({@code org.apache.kafka:kafka_2.13}, same version as {@code
 * kafka-clients}). It listens on 127.0.0.1 only, on free ports chosen at the first {@link #start()} and kept for
 * later starts, so a test can {@link #stop()} it (an outage) and start it again on the same data folder and ports.
 *
 * <p>A child JVM rather than an in-JVM server: Kafka's threads, logging and static state stay out of our JVM, and
 * stopping it is exactly a broker going away. It reuses {@code java.class.path}, so it works from the test class path
 * and from a shaded jar alike. Its output goes to {@code broker.log} in the data folder.
 *
 * <p>Calls block (formatting, starting, waiting for readiness) and are bounded by {@code startTimeout}; they are meant
 * for tests and the composition root. Not thread-safe: one owner starts and stops it.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.create()) {
 *     String bootstrapServers = kafka.start();
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private final Path dataDir;
    private final boolean temporary;
    private final Duration startTimeout;
    private final List<String> jvmOptions;
    private int port;
    private int controllerPort;
    private @Nullable Process process;
    private @Nullable Thread reaper;

    private EmbeddedKafka(Path dataDir, boolean temporary, Duration startTimeout, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.startTimeout = startTimeout;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * A broker in a new temporary folder ({@code roomwatch-kafka-*}), with a 60 s start timeout. {@link #close()}
     * deletes the folder: its data, configuration and log.
     */
    public static EmbeddedKafka create() {
        try {
            return new EmbeddedKafka(Files.createTempDirectory("roomwatch-kafka-"), true, Duration.ofSeconds(60), JVM);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the broker", e);
        }
    }

    /**
     * A broker keeping its data in {@code dataDir} (created if missing; formatted at the first start). The folder is
     * the caller's and is kept.
     */
    public static EmbeddedKafka create(Path dataDir) {
        return new EmbeddedKafka(dataDir, false, Duration.ofSeconds(60), JVM);
    }

    /** This broker with another bound on formatting, starting and readiness. */
    public EmbeddedKafka withStartTimeout(Duration timeout) {
        return new EmbeddedKafka(dataDir, temporary, timeout, jvmOptions);
    }

    /**
     * Starts the broker if it is not running and waits until it answers {@code describeCluster}.
     *
     * @return the bootstrap servers, {@code 127.0.0.1:<port>}
     * @throws IllegalStateException if it does not become ready within the start timeout (the child is then killed)
     */
    public String start() {
        if (process != null && process.isAlive()) {
            return bootstrapServers();
        }
        if (port == 0) {
            port = freePort();
            controllerPort = freePort();
        }
        Path props = writeProperties();
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            format(props);
        }
        Process broker = launch(List.of("kafka.Kafka", props.toString()));
        process = broker;
        reaper = new Thread(broker::destroyForcibly, "embedded-kafka-reaper"); // never outlive this JVM
        Runtime.getRuntime().addShutdownHook(reaper);
        awaitReady(broker);
        log.info("Kafka broker ready at {} (data {})", bootstrapServers(), dataDir);
        return bootstrapServers();
    }

    /** {@code 127.0.0.1:<port>}; the port is chosen at the first start. */
    public String bootstrapServers() {
        if (port == 0) {
            throw new IllegalStateException("the broker has not been started yet");
        }
        return HOST + ":" + port;
    }

    /** The folder holding the broker's configuration, log and data. */
    public Path dataDir() {
        return dataDir;
    }

    /** Whether the broker process is running. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker gracefully (SIGTERM, controlled shutdown), killing it if it has not exited in 30 s. */
    public void stop() {
        end(false);
    }

    /** Kills the broker at once (SIGKILL), as a crash would. */
    public void kill() {
        end(true);
    }

    /**
     * Stops the broker. The data folder is kept, unless {@link #create()} made it: that temporary folder is deleted
     * (a failure to delete is logged, not thrown).
     */
    @Override
    public void close() {
        stop();
        if (temporary) {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete the broker's temporary folder {}: {}", root, e.toString());
        }
    }

    private void end(boolean kill) {
        Process running = process;
        process = null;
        Thread hook = reaper;
        reaper = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // stopped from a shutdown hook (Ctrl-C on the demo): the reaper hook is running anyway
            }
        }
        if (running == null || !running.isAlive()) {
            return;
        }
        if (kill) {
            running.destroyForcibly();
        } else {
            running.destroy();
        }
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("Kafka broker at {} {}", bootstrapServers(), kill ? "killed" : "stopped");
    }

    private void format(Path props) {
        String clusterId = Uuid.randomUuid().toString();
        Process formatting =
                launch(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", props.toString()));
        try {
            if (!formatting.waitFor(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                formatting.destroyForcibly();
                throw new IllegalStateException("formatting " + logDir() + " took longer than " + startTimeout);
            }
            if (formatting.exitValue() != 0) {
                throw new IllegalStateException("formatting " + logDir() + " failed, see " + logFile());
            }
        } catch (InterruptedException e) {
            formatting.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting " + logDir(), e);
        }
    }

    private Process launch(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(mainAndArgs);
        try {
            Files.createDirectories(dataDir);
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainAndArgs.get(0), e);
        }
    }

    private void awaitReady(Process child) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        long attempts = Math.max(1, startTimeout.toSeconds());
        try (Admin admin = Admin.create(props)) {
            for (long attempt = 1; attempt <= attempts && child.isAlive(); attempt++) {
                if (answers(admin)) {
                    return;
                }
            }
        }
        child.destroyForcibly();
        throw new IllegalStateException(
                "the broker did not become ready within " + startTimeout + ", see " + logFile());
    }

    /** Whether the broker answers within about a second: Kafka's own bounded call, no sleeping here. */
    private static boolean answers(Admin admin) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000))
                    .clusterId()
                    .get(2, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private Path writeProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", logDir().toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        return write(props, dataDir.resolve("server.properties"));
    }

    private static Path write(Properties props, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(out, "written by roomwatch EmbeddedKafka");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Path logDir() {
        return dataDir.resolve("kafka-logs");
    }

    private Path logFile() {
        return dataDir.resolve("broker.log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
