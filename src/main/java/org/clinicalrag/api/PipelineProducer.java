package org.clinicalrag.api;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.clinicalrag.Pipeline;
import org.clinicalrag.safety.Deidentified;
import org.clinicalrag.audit.AuditTrail;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.feedback.FeedbackLog;
import org.clinicalrag.feedback.FeedbackRecorder;
import org.clinicalrag.index.PassageEmbedder;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;

/** Hands the pipeline, the audit trail and the feedback recorder to CDI; built once, from configuration, and closed with the application. */
public class PipelineProducer {

    private static final Logger LOG = Logger.getLogger(PipelineProducer.class);

    @Produces
    @Singleton
    Pipeline pipeline(RagConfig config) {
        Pipeline pipeline = new Pipeline(config, new PassageEmbedder(), Clock.systemDefaultZone());
        LOG.infof("Answers in auto mode: %s%s", pipeline.answerer(), pipeline.ask().generativeAvailable()
                ? " (verified; extractive when the model fails, timeout " + config.llm().timeout().toMillis() + " ms)" : "");
        return pipeline;
    }

    @Produces
    @Singleton
    AuditTrail auditTrail(RagConfig config) {
        return new AuditTrail(config.dataDir().resolve("audit"), Clock.systemUTC());
    }

    @Produces
    @Singleton
    FeedbackRecorder feedbackRecorder(RagConfig config, Pipeline pipeline, AuditTrail audit) {
        // a stored comment gets the same outbound pass as a stored question
        return new FeedbackRecorder(new FeedbackLog(config.dataDir().resolve("feedback")), audit, pipeline.index(), text -> {
            Deidentified rules = pipeline.deidentifier().deidentify(text);
            return new Deidentified(pipeline.outbound().apply(rules.text()), rules.removed());
        }, Clock.systemUTC());
    }

    void close(@Disposes Pipeline pipeline) throws IOException {
        pipeline.close();
    }
}
