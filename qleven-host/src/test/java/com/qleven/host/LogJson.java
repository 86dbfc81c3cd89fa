package com.qleven.host;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.net.URL;

/** The host's own logging configuration (src/main/resources/logback.xml), read the way the host reads it. */
final class LogJson {
    private LogJson() {
    }

    /** A fresh logger context configured from the host's logback.xml, started. */
    static LoggerContext configured() throws Exception {
        URL config = LogJson.class.getResource("/logback.xml");
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        return context;
    }

    /** The encoder of the JSON console appender every line goes through in the end. */
    @SuppressWarnings("unchecked")
    static Encoder<ILoggingEvent> encoder(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> json = (OutputStreamAppender<ILoggingEvent>) root.getAppender("JSON");
        if (json == null) {
            throw new IllegalStateException("logback.xml has no JSON appender on the root logger");
        }
        return json.getEncoder();
    }
}
