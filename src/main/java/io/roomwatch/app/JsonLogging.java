package io.roomwatch.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/** Switches logging to one JSON object per line ({@code log.format: json}); text is the default. */
final class JsonLogging {

    private JsonLogging() {}

    static void enable() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(JsonLogging.class.getResource("/logback-json.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException("logback-json.xml is broken", e);
        }
    }
}
