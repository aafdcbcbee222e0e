package vn.sohoa.signing.verify;

/** PAdES baseline levels (ETSI EN 319 142-1), or NONE for signatures that are not PAdES. */
public enum PadesLevel {
    NONE, PADES_BASELINE_B, PADES_BASELINE_T, PADES_BASELINE_LT, PADES_BASELINE_LTA
}
