package org.clinicalrag.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the index is open and the start-up folder has been ingested. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final StartupIngest startup;

    public IndexReadiness(StartupIngest startup) {
        this.startup = startup;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("guideline-index").status(startup.done()).build();
    }
}
