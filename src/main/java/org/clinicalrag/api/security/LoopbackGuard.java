package org.clinicalrag.api.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Without API keys every caller is treated as clinician and admin, which is only safe when no one else can reach
 * the port: the server then refuses to listen beyond loopback, and says so at start-up.
 */
@Singleton
public class LoopbackGuard {

    private static final Logger LOG = Logger.getLogger(LoopbackGuard.class);

    void check(@Observes StartupEvent event, ApiKeys keys, @ConfigProperty(name = "quarkus.http.host") String host) {
        if (keys.configured()) {
            LOG.infof("API keys configured: callers authenticate with Authorization: Bearer <key>");
            return;
        }
        if (!isLoopback(host)) {
            throw new IllegalStateException("No API keys configured (rag.auth.keys / RAG_AUTH_KEYS) but quarkus.http.host="
                    + host + " is not loopback: configure keys or bind to 127.0.0.1.");
        }
        LOG.warnf("No API keys configured: listening on %s only, every caller is treated as clinician and admin", host);
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
