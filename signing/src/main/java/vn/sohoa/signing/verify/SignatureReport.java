package vn.sohoa.signing.verify;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What verification found for one signature.
 *
 * @param signer             the signer certificate's subject
 * @param signingTime        the claimed time (the signature dictionary's M entry), Vietnam time
 * @param timestampTime      the time proven by the signature time-stamp, or null without one
 * @param integrityValid     the signed bytes are unchanged and the cryptographic signature verifies
 * @param coversWholeFile    the signature covers the whole file (false for earlier signatures of a file signed again)
 * @param chainTrusted       the signer's certificate chains to one of the configured trust anchors
 * @param level              the PAdES baseline level reached
 * @param problems           what failed, in plain words; empty when valid
 */
public record SignatureReport(String fieldName, String signer, String signerName, OffsetDateTime signingTime,
                              OffsetDateTime timestampTime, boolean integrityValid, boolean coversWholeFile,
                              boolean chainTrusted, PadesLevel level, List<String> problems) {

    public boolean valid() {
        return integrityValid && chainTrusted && problems.isEmpty();
    }
}
