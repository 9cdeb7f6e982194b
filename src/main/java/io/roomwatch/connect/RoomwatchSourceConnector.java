package io.roomwatch.connect;

import io.roomwatch.config.RoomwatchConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * roomwatch as a Kafka Connect source connector ({@code docs/connect.md}). Its configuration is roomwatch's YAML, inline
 * ({@code roomwatch.config}) or by path ({@code roomwatch.config.file}), plus Connect's own keys; {@link #validate}
 * reports every mistake on its own line, naming the key. The apps are spread over at most {@code tasks.max} tasks
 * ({@link RoomwatchSourceTask}), deterministically. Exactly-once delivery uses Connect's transactions, with boundaries
 * defined by the connector: one transaction per roomwatch batch.
 */
public final class RoomwatchSourceConnector extends SourceConnector {

    /** The plugin's version: the jar's {@code Implementation-Version}. */
    static final String VERSION = implementationVersion();

    private static final Logger log = LoggerFactory.getLogger(RoomwatchSourceConnector.class);

    private final Map<String, String> env;
    private Map<String, String> props = Map.of();
    private @Nullable RoomwatchConfig config;

    /** The connector Connect instantiates: {@code ${NAME}} in the YAML takes the worker's environment. */
    public RoomwatchSourceConnector() {
        this(System.getenv());
    }

    /** For tests: {@code ${NAME}} in the YAML takes {@code env}. */
    RoomwatchSourceConnector(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    private static String implementationVersion() {
        String version = RoomwatchSourceConnector.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = ConnectorSettings.load(props, env);
        log.info("roomwatch connector started: {}", config.summary().replace('\n', ';'));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RoomwatchSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        RoomwatchConfig started = config;
        if (started == null) {
            throw new IllegalStateException("taskConfigs before start");
        }
        return ConnectorSettings.taskConfigs(props, started.apps().size(), maxTasks);
    }

    @Override
    public void stop() {
        config = null;
    }

    @Override
    public ConfigDef config() {
        return ConnectorSettings.DEF;
    }

    /** Connect's checks of its own keys, then roomwatch's: one error message per problem, on the key to fix. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        List<ConfigValue> values =
                new ArrayList<>(super.validate(connectorConfigs).configValues());
        ConnectorSettings.report(ConnectorSettings.problems(connectorConfigs, env), values);
        return new Config(values);
    }

    /** Supported: one Connect transaction per batch, holding its events and state records. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** The tasks define the boundaries: after each batch's last record. */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.SUPPORTED;
    }
}
