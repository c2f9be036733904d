package org.clinicalrag.api.security;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.ingest.Sha256;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-caller request budget on the /v1 API (fixed one-minute windows keyed by the bearer key's digest, or by
 * address without one). Over budget: 429 problem with Retry-After; other callers are unaffected.
 */
@Singleton
public class RateLimit {

    private record Window(long minute, AtomicInteger count) {
    }

    private final Provider<RagConfig> config;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Filters are built at static init, before runtime configuration exists: read it per request. */
    public RateLimit(Provider<RagConfig> config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, UriInfo uri) {
        if (!uri.getPath().startsWith("/v1/")) {
            return null;
        }
        String auth = request.getHeaderString("Authorization");
        String caller = auth == null ? "anonymous" : Sha256.hex(auth);
        int perMinute = config.get().auth().requestsPerMinute();
        long minute = System.currentTimeMillis() / 60_000;
        Window window = windows.compute(caller, (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
        if (window.count().incrementAndGet() <= perMinute) {
            return null;
        }
        long retry = 60 - (System.currentTimeMillis() / 1000) % 60;
        return Response.status(429).type("application/problem+json").header("Retry-After", retry)
                .entity(new org.clinicalrag.api.Problem("about:blank", "Too many requests", 429,
                        "This key may make " + perMinute + " requests per minute; retry in " + retry + " s.", uri.getPath()))
                .build();
    }

}
