package vn.sohoa.app.certify;

/** The PAdES baseline level certified copies are issued at. */
public enum CopyLevel {
    /** Validation data embedded: verifiable offline until the time-stamp's certificate expires. */
    LT,
    /** LT plus an archive time-stamp, renewed before each expires: verifiable for as long as it is renewed. */
    LTA
}
