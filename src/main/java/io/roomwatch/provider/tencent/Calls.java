package io.roomwatch.provider.tencent;

import io.roomwatch.config.RetrySettings;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.budget.RateBudget;
import io.roomwatch.provider.http.Flaws;
import io.roomwatch.provider.http.Retries;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The APIs of the two Tencent providers, each with its own budget, retry policy and counted warnings. */
final class Calls {

    private Calls() {}

    /** TUILiveKit's three APIs. */
    record Live(Call roomList, Call roomInfo, Call memberList) {}

    /** TUIRoomKit's two: it has no room-list API, so its rooms come from configuration. */
    record Conference(Call roomInfo, Call memberList) {}

    static Call of(AppKey app, String api, int qps, RetrySettings retry, Scheduler timer) {
        RateBudget budget = RateBudget.create(app, api, qps, timer);
        return new Call(budget, Retries.of(retry, budget, timer), Flaws.of(budget));
    }

    /** One API: its budget, the retry policy that tells that budget about throttling, its counted warnings. */
    record Call(RateBudget budget, Retries retries, Flaws flaws) {

        /** A {@code get_room_info}: a success must carry a {@code RoomInfo} object. */
        Mono<TencentReply> roomInfo(TencentApi api, String service, Map<String, Object> body) {
            return api.post(service, "get_room_info", body, "RoomInfo", budget, retries);
        }

        /** A page of a listing: a success must carry {@code listField} as a list. */
        Mono<TencentReply> page(
                TencentApi api, String service, String command, Map<String, Object> body, String listField) {
            return api.post(service, command, body, listField, budget, retries);
        }
    }
}
