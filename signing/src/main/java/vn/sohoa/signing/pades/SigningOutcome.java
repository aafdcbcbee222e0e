package vn.sohoa.signing.pades;

/** What signing with a device gives: the signed PDF, or a prepared signature waiting for its value. */
public sealed interface SigningOutcome {

    record Signed(byte[] pdf) implements SigningOutcome {
    }

    /** Complete it with {@link PadesSigner#complete} once the value arrives. */
    record Pending(PreparedSignature prepared) implements SigningOutcome {
    }
}
