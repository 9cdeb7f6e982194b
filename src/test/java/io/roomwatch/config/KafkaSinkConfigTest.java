package io.roomwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.model.EventType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSinkConfigTest {

    private final KafkaSinkConfig defaults = KafkaSinkConfig.defaults("127.0.0.1:9092");

    @Test
    void defaultsAreExactlyOnceToTheDocumentedTopics() {
        assertThat(defaults.deliveryMode()).isEqualTo(DeliveryMode.EXACTLY_ONCE);
        assertThat(defaults.topicFor(EventType.USER_JOINED)).isEqualTo("roomwatch.events");
        assertThat(defaults.stateTopic()).isEqualTo("roomwatch.state");
    }

    @Test
    void givenRoute_whenAskingTopic_thenRoutedTypeGoesThere() {
        KafkaSinkConfig routed = defaults.withRoutes(Map.of(EventType.USER_LEFT, "leaves"));
        assertThat(routed.topicFor(EventType.USER_LEFT)).isEqualTo("leaves");
        assertThat(routed.topicFor(EventType.ROOM_CREATED)).isEqualTo("roomwatch.events");
        assertThat(defaults.routes()).isEmpty(); // withX copies
    }

    @Test
    void givenInvalidValues_whenBuilding_thenFailsNamingTheField() {
        assertThatThrownBy(() -> defaults.withStateTopic("roomwatch.events")).hasMessageContaining("stateTopic");
        assertThatThrownBy(() -> Settings.with(defaults, "maxInFlight", 0)).hasMessageContaining("maxInFlight");
        assertThatThrownBy(() -> defaults.withDeliveryTimeout(Duration.ofMillis(500)))
                .hasMessageContaining("deliveryTimeout");
        assertThatThrownBy(() -> KafkaSinkConfig.defaults(" ")).hasMessageContaining("bootstrapServers");
    }

    @Test
    void givenSecretClientProperties_whenPrinted_thenMasked() {
        KafkaSinkConfig secured = defaults.withClientProperties(Map.of(
                "sasl.jaas.config", "org.apache...PlainLoginModule required password=\"hunter2\";",
                "ssl.key.password", "hunter3",
                "security.protocol", "SASL_SSL"));
        assertThat(secured.toString())
                .doesNotContain("hunter")
                .contains("SASL_SSL")
                .contains("***");
    }
}
