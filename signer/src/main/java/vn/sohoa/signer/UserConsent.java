package vn.sohoa.signer;

import java.util.List;

/** Shows the person at the computer what a page asks and lets them say yes or no. */
public interface UserConsent {

    /** What a signature is for, as the page says it and the user sees it before the PIN. */
    record SigningSummary(String origin, String dossierCode, String paperTitle, long registerNumber, int pageCount,
                          String documentSha256, String certificateSubject) {
    }

    /** Whether the user lets {@code origin} use this agent (pairing). */
    boolean allowPairing(String origin);

    /**
     * Whether the user signs everything {@code summaries} describes: one paper, or a batch of the queue shown as one
     * list, so that twenty copies take one answer (and one PIN entry).
     */
    boolean allowSignatures(List<SigningSummary> summaries);
}
