package vn.sohoa.app.certify;

import java.time.ZonedDateTime;

import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.document.DocumentRecord;
import vn.sohoa.app.principal.SohoaPrincipal;

/**
 * Who certifies which digitized document, for whom, for which agency, at what time — checked (role, agency, status,
 * bar, competence) by {@link CertifyCopy#check} before a number is reserved.
 */
record CertificationRequest(SohoaPrincipal certifier, DocumentRecord document, Requester requester, Agency agency,
                            ZonedDateTime now) {
}
