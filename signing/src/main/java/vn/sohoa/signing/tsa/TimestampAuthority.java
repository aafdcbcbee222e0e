package vn.sohoa.signing.tsa;

/** An RFC 3161 time-stamping authority. */
public interface TimestampAuthority {

    /**
     * Gets a time-stamp token over a SHA-256 message imprint.
     *
     * @return the DER-encoded TimeStampToken (a CMS SignedData)
     */
    byte[] timestamp(byte[] sha256Imprint);
}
