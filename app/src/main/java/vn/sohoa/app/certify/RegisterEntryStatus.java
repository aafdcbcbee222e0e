package vn.sohoa.app.certify;

/** Where a register number stands. Every number ends ISSUED or VOID; none is reused or skipped. */
public enum RegisterEntryStatus {
    /** Reserved; its copies are being made. */
    PENDING,
    /** Its certified copies are stored and recorded. */
    ISSUED,
    /** No copy was issued under it; the reason is recorded (số bị hủy). */
    VOID
}
