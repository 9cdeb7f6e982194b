package io.roomwatch.provider.tencent;

import io.roomwatch.config.RetrySettings;
import io.roomwatch.provider.RateBudget;
import io.roomwatch.provider.http.Retries;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The three APIs of one Tencent provider, each with its own budget and retry policy. */
record Calls(Call list, Call info, Call members) {

    static Call of(String name, int qps, RetrySettings retry, Scheduler timer) {
        RateBudget budget = RateBudget.create(name, qps, timer);
        return new Call(budget, Retries.of(retry, budget, timer));
    }

    /** One API: its budget and the retry policy that tells that budget about throttling. */
    record Call(RateBudget budget, Retries retries) {

        Mono<TencentReply> call(TencentApi api, String service, String command, Map<String, Object> body) {
            return api.post(service, command, body, budget, retries);
        }
    }
}
