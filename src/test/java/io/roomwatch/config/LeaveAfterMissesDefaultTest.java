package io.roomwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaveAfterMissesDefaultTest {

    private static final String TENCENT =
            "    sdkAppId: \"1400000000\"\n    administrator: admin\n    secretKey: k\n" + "    region: singapore\n";

    @Test
    void conferenceAppsNeedTwoMissesByDefault_becauseOffsetCursorPagesCanSkipAPresentMember() {
        RoomwatchConfig config = ConfigLoader.parse(
                "kafka: { bootstrapServers: k:9092 }\napps:\n  - provider: tencent-conference\n" + TENCENT
                        + "    rooms: [a]\n  - provider: tencent-live\n" + TENCENT.replace("1400000000", "1400000001")
                        + "  - provider: tencent-conference\n" + TENCENT.replace("1400000000", "1400000002")
                        + "    rooms: [b]\n    poll: { leaveAfterMisses: 1 }\n",
                Map.of());

        assertThat(config.apps())
                .extracting(app -> app.poll().leaveAfterMisses())
                .containsExactly(2, 1, 1);
    }
}
