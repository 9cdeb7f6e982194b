package io.roomwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What CI can check of deploy/ without Docker or a cluster: every YAML parses, every roomwatch config validates. */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("deploy");

    /** Dummy values for every placeholder of the example, the ConfigMap and the compose config. */
    private static final Map<String, String> ENV = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093",
            "KAFKA_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "VOLC_APP_ID", "661e0000543cf",
            "VOLC_ACCESS_KEY_ID", "AKLTexample",
            "VOLC_SECRET_ACCESS_KEY", "dummy-secret",
            "TENCENT_SDK_APP_ID", "1400000000",
            "TENCENT_SECRET_KEY", "dummy-secret");

    private final YAMLMapper yaml = new YAMLMapper();

    @Test
    void givenDeployFolder_whenEveryYamlFileIsParsed_thenEachDocumentIsAMapping() throws IOException {
        List<Path> files = yamlFiles();

        assertThat(files)
                .extracting(file -> DEPLOY.relativize(file).toString())
                .contains(
                        "docker-compose.yml",
                        "config/roomwatch.example.yml",
                        "config/roomwatch.compose.yml",
                        "k8s/configmap.yaml",
                        "k8s/secret.yaml",
                        "k8s/deployment.yaml",
                        "k8s/pdb.yaml",
                        "k8s/service.yaml");
        for (Path file : files) {
            List<JsonNode> documents = documents(file);
            assertThat(documents).as(file.toString()).isNotEmpty().allMatch(JsonNode::isObject);
        }
    }

    @Test
    void givenExampleConfiguration_whenValidated_thenNoProblems() {
        ConfigValidation validation = ConfigLoader.validate(DEPLOY.resolve("config/roomwatch.example.yml"), ENV);

        assertThat(validation.problems()).isEmpty();
        assertThat(validation.summary()).contains("3 apps");
    }

    @Test
    void givenExampleConfiguration_whenScanned_thenEveryCredentialIsAPlaceholder() throws IOException {
        String text = Files.readString(DEPLOY.resolve("config/roomwatch.example.yml"));

        assertThat(text)
                .contains("secretAccessKey: ${VOLC_SECRET_ACCESS_KEY}", "accessKeyId: ${VOLC_ACCESS_KEY_ID}")
                .contains("secretKey: ${TENCENT_SECRET_KEY}", "sasl.jaas.config: ${KAFKA_JAAS_CONFIG}")
                .doesNotContainPattern("(?i)password\\s*=");
    }

    @Test
    void givenComposeConfiguration_whenValidated_thenNoProblemsWithoutAnyEnvironment() {
        ConfigValidation validation = ConfigLoader.validate(DEPLOY.resolve("config/roomwatch.compose.yml"), Map.of());

        assertThat(validation.problems()).isEmpty();
        assertThat(validation.summary())
                .contains("kafka:9092", "volcengine/demo-volc-app: region cn-north-1," + " http://emulator:18080");
    }

    @Test
    void givenKubernetesConfigMap_whenItsConfigurationIsValidated_thenNoProblems() throws IOException {
        JsonNode configMap = documents(DEPLOY.resolve("k8s/configmap.yaml")).get(0);

        List<String> problems = ConfigLoader.validate(
                        configMap.at("/data/roomwatch.yml").asText(), ENV)
                .problems();

        assertThat(problems).isEmpty();
    }

    @Test
    void givenKubernetesSecret_whenRead_thenItHoldsEveryVariableTheConfigMapNeedsAndOnlyPlaceholders()
            throws IOException {
        JsonNode secret = documents(DEPLOY.resolve("k8s/secret.yaml")).get(0).get("stringData");
        String configMap = Files.readString(DEPLOY.resolve("k8s/configmap.yaml"));

        ENV.keySet().stream()
                .filter(name -> configMap.contains("${" + name + "}"))
                .forEach(name -> assertThat(secret.has(name)).as(name).isTrue());
        secret.properties()
                .forEach(entry ->
                        assertThat(entry.getValue().asText()).as(entry.getKey()).matches(".*REPLACE_ME.*|1400000000"));
    }

    @Test
    void givenDeployment_whenRead_thenProbesSecurityAndScrapeAnnotationsAreThere() throws IOException {
        JsonNode deployment = documents(DEPLOY.resolve("k8s/deployment.yaml")).get(0);
        JsonNode pod = deployment.at("/spec/template");
        JsonNode container = pod.at("/spec/containers/0");

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        assertThat(pod.at("/metadata/annotations/prometheus.io~1scrape").asText())
                .isEqualTo("true");
        assertThat(pod.at("/metadata/annotations/prometheus.io~1port").asText()).isEqualTo("9400");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean())
                .isTrue();
        assertThat(container.at("/securityContext/capabilities/drop/0").asText())
                .isEqualTo("ALL");
        assertThat(pod.at("/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
    }

    private List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(file ->
                            file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    private List<JsonNode> documents(Path file) throws IOException {
        try (MappingIterator<JsonNode> documents =
                yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll();
        }
    }
}
