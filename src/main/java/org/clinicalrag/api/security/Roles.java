package org.clinicalrag.api.security;

import java.util.Set;

/** The roles of DESIGN.md's security model. */
public final class Roles {
    public static final String CLINICIAN = "clinician";
    public static final String PATIENT = "patient";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(CLINICIAN, PATIENT, ADMIN);

    private Roles() {
    }
}
