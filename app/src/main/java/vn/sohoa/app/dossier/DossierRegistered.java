package vn.sohoa.app.dossier;

import java.time.OffsetDateTime;

/** Published in the transaction that registers a dossier received at the desk. */
public record DossierRegistered(String dossierCode, String agencyCode, OffsetDateTime receivedAt) {
}
