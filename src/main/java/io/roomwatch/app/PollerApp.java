package io.roomwatch.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.roomwatch.admin.AdminServer;
import io.roomwatch.callback.http.CallbackServer;
import io.roomwatch.config.AppConfig;
import io.roomwatch.config.RoomwatchConfig;
import io.roomwatch.config.Secret;
import io.roomwatch.kafka.KafkaEventSink;
import io.roomwatch.kafka.KafkaSnapshotStore;
import io.roomwatch.model.AppKey;
import io.roomwatch.poll.AppPoller;
import io.roomwatch.poll.CycleReport;
import io.roomwatch.provider.BudgetView;
import io.roomwatch.provider.RtcProvider;
import io.roomwatch.provider.VendorMeters;
import io.roomwatch.provider.vendors.Providers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;

/**
 * The running service: one {@link AppPoller} per configured app, one Kafka sink and state store shared by all, the
 * admin endpoint, and an orderly shutdown. An app that stops (rejected credentials, fenced) is logged and the others
 * go on.
 */
final class PollerApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollerApp.class);

    private final List<AppPoller> pollers;
    private final List<RtcProvider> providers;
    private final KafkaEventSink sink;
    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> resources;
    private final Disposable polling;
    private final DisposableServer admin;
    private final @Nullable DisposableServer receiver;

    private PollerApp(
            List<AppPoller> pollers,
            List<RtcProvider> providers,
            KafkaEventSink sink,
            PrometheusMeterRegistry registry,
            List<AutoCloseable> resources,
            Disposable polling,
            DisposableServer admin,
            @Nullable DisposableServer receiver) {
        this.receiver = receiver;
        this.pollers = pollers;
        this.providers = providers;
        this.sink = sink;
        this.registry = registry;
        this.resources = resources;
        this.polling = polling;
        this.admin = admin;
    }

    /** Starts everything; {@code onReport} sees every committed batch (on Reactor threads: keep it quick). */
    static PollerApp start(RoomwatchConfig settings, Consumer<CycleReport> onReport) {
        return start(settings, onReport, () -> {});
    }

    /**
     * Starts everything; {@code onAllStopped} runs if every app has stopped on its own (rejected credentials, fenced
     * by another instance): then there is nothing left to do.
     */
    static PollerApp start(RoomwatchConfig settings, Consumer<CycleReport> onReport, Runnable onAllStopped) {
        Scheduler timer = Schedulers.parallel();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KafkaEventSink sink = KafkaEventSink.create(settings.kafka(), timer);
        KafkaSnapshotStore store = KafkaSnapshotStore.create(settings.kafka());
        List<AutoCloseable> resources = new ArrayList<>();
        List<RtcProvider> providers = new ArrayList<>();
        List<AppPoller> pollers = new ArrayList<>();
        CallbackServer callbacks = callbacks(settings, timer, registry);
        for (AppConfig spec : settings.apps()) {
            RtcProvider provider = Providers.create(spec.source(), timer, resources);
            providers.add(provider);
            VendorMeters.of(provider.budgets()).bindTo(registry);
            pollers.add(
                    callbacks != null && spec.callback().enabled()
                            ? AppPoller.create(
                                    provider,
                                    sink,
                                    store,
                                    spec.poll(),
                                    timer,
                                    registry,
                                    callbacks.deliveries(spec.app()))
                            : AppPoller.create(provider, sink, store, spec.poll(), timer, registry));
        }
        Disposable polling = Flux.merge(
                        pollers.stream().map(p -> runAlone(p, onReport)).toList())
                .subscribe(report -> {}, e -> log.error("polling failed: {}", e.toString()), onAllStopped);
        DisposableServer admin = AdminServer.create(
                        settings.admin().host(), settings.admin().port(), registry, () -> ready(pollers))
                .start()
                .block(Duration.ofSeconds(10));
        log.info("admin endpoint on http://{}:{}/metrics, /health/live, /health/ready", admin.host(), admin.port());
        DisposableServer receiver = null;
        if (callbacks != null) {
            receiver = callbacks.start().block(Duration.ofSeconds(10));
            log.info(
                    "callback receiver on http://{}:{}/callbacks/<provider>/<appId>", receiver.host(), receiver.port());
        }
        return new PollerApp(pollers, providers, sink, registry, resources, polling, admin, receiver);
    }

    /** The callback receiver for the apps that take callbacks, if enabled. */
    private static @Nullable CallbackServer callbacks(
            RoomwatchConfig settings, Scheduler timer, PrometheusMeterRegistry registry) {
        if (!settings.callbacks().enabled()) {
            return null;
        }
        Map<AppKey, Secret> secrets = new HashMap<>();
        for (AppConfig spec : settings.apps()) {
            Secret secret = spec.callback().secret();
            if (secret != null) {
                secrets.put(spec.app(), secret);
            }
        }
        return CallbackServer.create(settings.callbacks(), secrets, timer, registry);
    }

    /** One app's pipeline; its end (an error) is logged and does not touch the other apps. */
    private static Flux<CycleReport> runAlone(AppPoller poller, Consumer<CycleReport> onReport) {
        return poller.run().doOnNext(onReport).onErrorResume(e -> {
            log.error("{} stopped: {}", poller.app(), e.getMessage());
            return Flux.empty();
        });
    }

    /** Ready once every app restored its state from Kafka (which also proves Kafka reachable). */
    private static boolean ready(List<AppPoller> pollers) {
        return pollers.stream().allMatch(AppPoller::isRestored);
    }

    boolean isReady() {
        return ready(pollers);
    }

    List<AppPoller> pollers() {
        return pollers;
    }

    List<BudgetView> budgets() {
        return providers.stream().flatMap(p -> p.budgets().stream()).toList();
    }

    int adminPort() {
        return admin.port();
    }

    /** The callback receiver's port, or -1 when callbacks are off. */
    int callbackPort() {
        return receiver == null ? -1 : receiver.port();
    }

    /** Stops polling, finishes or aborts the open transactions, closes the producers and HTTP clients. */
    @Override
    public void close() {
        if (receiver != null) {
            receiver.disposeNow(Duration.ofSeconds(5)); // vendors retry what it no longer takes
        }
        polling.dispose();
        sink.close(Duration.ofSeconds(10)).block(Duration.ofSeconds(15));
        admin.disposeNow(Duration.ofSeconds(5));
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resource, e.toString());
            }
        }
        registry.close();
        log.info("roomwatch stopped");
    }
}
