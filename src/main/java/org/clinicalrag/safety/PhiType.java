package org.clinicalrag.safety;

/**
 * The 18 HIPAA Safe Harbor identifier categories (45 CFR 164.514(b)(2)), each with the
 * placeholder that replaces it so that downstream readers still know what kind of fact was there,
 * and the unknown words masked on the way out.
 */
public enum PhiType {
    NAME("[NAME]"),
    /** Geographic units smaller than a state: street address, city, county, ZIP code or postcode. */
    LOCATION("[LOCATION]"),
    /** Every date element except the year on its own. */
    DATE("[DATE]"),
    /** Ages over 89 only; younger ages are allowed by Safe Harbor and matter clinically. */
    AGE("[AGE]"),
    PHONE("[PHONE]"),
    FAX("[FAX]"),
    EMAIL("[EMAIL]"),
    SSN("[SSN]"),
    /** Medical record numbers, hospital numbers, NHS numbers. */
    MRN("[MRN]"),
    HEALTH_PLAN("[HEALTH_PLAN_ID]"),
    ACCOUNT("[ACCOUNT]"),
    /** Certificate and licence numbers, including DEA registration numbers. */
    LICENSE("[LICENSE]"),
    /** Licence plates and vehicle identification numbers. */
    VEHICLE("[VEHICLE_ID]"),
    /** Device identifiers and serial numbers. */
    DEVICE("[DEVICE_ID]"),
    URL("[URL]"),
    IP("[IP_ADDRESS]"),
    /** Fingerprint, retina and voiceprint identifiers. */
    BIOMETRIC("[BIOMETRIC_ID]"),
    /** References to full-face photographs and image file names. */
    PHOTO("[PHOTO]"),
    /** Any other unique identifying number or code. */
    OTHER_ID("[ID]"),
    /**
     * Not a Safe Harbor category: a word no vocabulary of the server knows, masked by {@link UnknownWordMask} in text
     * that leaves the server (a model request, the audit trail), never in what retrieval sees.
     */
    UNKNOWN_WORD(UnknownWordMask.PLACEHOLDER);

    /** The Safe Harbor categories, without the unknown words of the outbound mask. */
    public static final java.util.Set<PhiType> SAFE_HARBOR = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.range(NAME, OTHER_ID));

    private final String placeholder;

    PhiType(String placeholder) {
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return placeholder;
    }
}
