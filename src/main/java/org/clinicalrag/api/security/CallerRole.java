package org.clinicalrag.api.security;

import io.quarkus.security.identity.SecurityIdentity;

import java.util.stream.Collectors;

/** The caller's roles as one audit-trail field ("admin+clinician" for the local caller without keys). */
public final class CallerRole {

    private CallerRole() {
    }

    public static String of(SecurityIdentity identity) {
        return identity.getRoles().stream().sorted().collect(Collectors.joining("+"));
    }
}
