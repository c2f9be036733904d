package org.clinicalrag.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.util.VectorUtil;
import org.clinicalrag.index.ClinicalAnalyzers;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.safety.RuleBasedDeidentifier;
import org.jboss.logging.Logger;

/**
 * Loads what every start needs and no configuration decides (the clinical analyzers with their synonym map, the
 * de-identification word lists, Lucene's codecs and vector code, the record reader) on a second thread as soon as
 * the CDI container exists, while Quarkus is still booting on one core: the loader that opens the index after
 * {@code StartupEvent} then finds them ready. Runtime configuration is not available this early, so the index
 * itself is opened by {@link StartupIngest}. (Quarkus warns at build time that this event is delivered differently
 * in native mode; this server runs on the JVM only.)
 */
@Singleton
public class StartupPreload {

    private static final Logger LOG = Logger.getLogger(StartupPreload.class);

    void onContainer(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Thread.ofPlatform().name("startup-preload").daemon().start(() -> {
            try {
                ClinicalAnalyzers.index();
                ClinicalAnalyzers.query();
                Codec.getDefault();
                VectorUtil.dotProduct(new float[] {1}, new float[] {1});
                GuidelineIndex.JSON.getTypeFactory();
                RuleBasedDeidentifier.shared();
            } catch (RuntimeException | LinkageError e) {
                // the loader builds the same things again and reports a real failure; this thread only saves time
                LOG.debugf("Start-up preload stopped early (%s)", e.getClass().getName());
            }
        });
    }
}
