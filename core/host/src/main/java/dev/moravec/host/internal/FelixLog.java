package dev.moravec.host.internal;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Sends Felix's log to SLF4J (and so to standard error), never to standard output. */
public final class FelixLog extends Logger {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("dev.moravec.felix");

    @Override
    @SuppressWarnings("rawtypes") // Felix declares the raw type
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle == null ? msg : bundle.getSymbolicName() + ": " + msg;
        switch (level) {
            case LOG_ERROR -> LOG.error(text, throwable);
            case LOG_WARNING -> LOG.warn(text, throwable);
            case LOG_INFO -> LOG.info(text, throwable);
            default -> LOG.debug(text, throwable);
        }
    }
}
