package org.clinicalrag.safety;

import java.util.List;

/** One family of identifier rules. Implementations hold no per-call state, so they are shareable. */
interface PhiDetector {

    void detect(ScannedText text, List<Candidate> out);
}
