package org.clinicalrag.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.ingest.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API keys and their roles. Keys are compared by SHA-256 digest in constant time and are known to
 * logs and the audit trail only by a short id derived from that digest, never by their value.
 */
@ApplicationScoped
public class ApiKeys {

    /** A caller as the audit trail names it. */
    public record Caller(String keyId, String role) {
    }

    private final Map<String, String> roleByDigest = new HashMap<>();

    public ApiKeys(RagConfig config) {
        for (String pair : config.auth().keys().orElse(List.of())) {
            int colon = pair.lastIndexOf(':');
            if (pair.isBlank()) {
                continue;
            }
            String role = colon < 0 ? "" : pair.substring(colon + 1).strip();
            if (colon <= 0 || !Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("rag.auth.keys: each entry must be key:role with role clinician, patient or admin");
            }
            roleByDigest.put(Sha256.hex(pair.substring(0, colon).strip()), role);
        }
    }

    public boolean configured() {
        return !roleByDigest.isEmpty();
    }

    public Optional<Caller> lookup(String key) {
        String digest = Sha256.hex(key);
        for (Map.Entry<String, String> e : roleByDigest.entrySet()) {
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(new Caller("key-" + digest.substring(0, 8), e.getValue()));
            }
        }
        return Optional.empty();
    }

}
