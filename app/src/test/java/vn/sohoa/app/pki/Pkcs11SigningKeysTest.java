package vn.sohoa.app.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.Pkcs11Token;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.testkit.SoftHsm;

/** The service finds agency and certifier keys by name in a PKCS#11 token (SoftHSM2), logging in with a PIN file. */
class Pkcs11SigningKeysTest {

    @TempDir
    Path home;

    @Test
    void keysAreFoundInTheTokenByAgencyCodeAndUsername() throws Exception {
        SoftHsm.Token token = SoftHsm.token("sohoa-service");
        DevelopmentPki pki = DevelopmentPki.openOrCreate(home.resolve("pki"),
                new DevelopmentPki.Endpoints("http://127.0.0.1:9/crl", "http://127.0.0.1:9/ocsp"));
        Pkcs11Token provisioning = Pkcs11Token.open(token.module(), Pkcs11Token.Slot.id(token.slotId()),
                SoftHsm.PIN.toCharArray());
        for (String name : List.of("agency-000.00.30.H42", "certifier-certifier")) {
            KeyPair pair = provisioning.generateRsaKeyPair(2048);
            provisioning.storeChain(name, pair.getPrivate(), List.of(pki.issueCertificate(pair.getPublic(), name,
                    "UBND xã Hòa Phong", DevelopmentPki.Purpose.AGENCY_SEAL), pki.rootCertificate()));
        }
        Path pinFile = Files.writeString(home.resolve("pin"), SoftHsm.PIN + "\n");
        SigningKeys keys = new SigningKeys(signing(new SohoaProperties.Pkcs11(token.module(),
                token.slotId(), null, pinFile, null)), pki);

        var agency = keys.agencyKey("000.00.30.H42", "UBND xã Hòa Phong");
        var certifier = keys.certifierKey("certifier", "Nguyễn Văn An", "UBND xã Hòa Phong");

        assertThat(agency.provider().getName()).startsWith("SunPKCS11");
        assertThat(agency.certificate().getSubjectX500Principal().getName()).contains("agency-000.00.30.H42");
        assertThat(certifier.certificate().getSubjectX500Principal().getName()).contains("certifier-certifier");
        assertThatThrownBy(() -> keys.certifierKey("nobody", "Nobody", "UBND xã Hòa Phong"))
                .isInstanceOf(SigningException.class).hasMessageContaining("no key named \"certifier-nobody\"");
    }

    @Test
    void aMissingSlotIsAConfigurationErrorThatSaysWhatToSet() {
        DevelopmentPki pki = DevelopmentPki.openOrCreate(home.resolve("pki"),
                new DevelopmentPki.Endpoints("http://127.0.0.1:9/crl", "http://127.0.0.1:9/ocsp"));
        SigningKeys keys = new SigningKeys(signing(new SohoaProperties.Pkcs11(
                Path.of("/usr/lib/softhsm/libsofthsm2.so"), null, null, null, "1234")), pki);

        assertThatThrownBy(() -> keys.agencyKey("000.00.30.H42", "UBND xã Hòa Phong"))
                .isInstanceOf(SigningException.class).hasMessageContaining("slot-id or slot-list-index");
    }

    @Test
    void thePinNeverShowsInTheSettings() {
        var settings = new SohoaProperties.Pkcs11(Path.of("/usr/lib/softhsm/libsofthsm2.so"), 1L, null, null,
                "secret-pin-4711");
        assertThat(signing(settings).toString()).doesNotContain("secret-pin-4711").contains("******");
    }

    private static SohoaProperties.Signing signing(SohoaProperties.Pkcs11 pkcs11) {
        return new SohoaProperties.Signing(SohoaProperties.KeySource.PKCS11, null, null, List.of(), null,
                Duration.ofSeconds(5), Duration.ZERO, pkcs11, new SohoaProperties.Remote(null, null, null, Duration.ofSeconds(5)));
    }
}
