package org.clinicalrag.eval;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.clinicalrag.config.RagConfig;

import io.quarkus.runtime.configuration.DurationConverter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@link RagConfig} outside the server, for in-process benchmarks: the same defaults, overridable with
 * {@code -Drag.x.y=…} (JAVA_OPTS) or {@code RAG_X_Y}, with the data directory set by the caller.
 */
public final class StandaloneConfig {

    private StandaloneConfig() {
    }

    public static RagConfig load(Path dataDir) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new PropertiesConfigSource(Map.of("rag.data-dir", dataDir.toString()), "benchmark", 1000))
                // "20s"-style durations, as the server reads them (plain SmallRye Config only takes ISO-8601)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(RagConfig.class)
                .build();
        return config.getConfigMapping(RagConfig.class);
    }
}
