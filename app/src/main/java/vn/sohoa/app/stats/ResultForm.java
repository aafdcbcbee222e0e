package vn.sohoa.app.stats;

/** The form of a procedure's result as issued. */
public enum ResultForm {
    PAPER,
    ELECTRONIC
}
