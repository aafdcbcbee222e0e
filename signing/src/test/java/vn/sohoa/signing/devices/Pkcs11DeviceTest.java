package vn.sohoa.signing.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;

import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.KeyStoreDevice;
import vn.sohoa.signing.keys.Pkcs11Token;
import vn.sohoa.signing.keys.SigningDevice;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.testkit.SoftHsm;

/** A certifier's key made in a PKCS#11 token (SoftHSM2) and used there: it never leaves the token. */
class Pkcs11DeviceTest extends SigningDeviceContract {

    private static final String KEY_NAME = "certifier-cuc";
    static SoftHsm.Token token;

    @BeforeAll
    static void provisionToken() throws Exception {
        token = SoftHsm.token("sohoa-devices");
        Pkcs11Token hsm = Pkcs11Token.open(token.module(), Pkcs11Token.Slot.id(token.slotId()),
                SoftHsm.PIN.toCharArray());
        KeyPair pair = hsm.generateRsaKeyPair(2048);
        hsm.storeChain(KEY_NAME, pair.getPrivate(), List.of(pki.issueCertificate(pair.getPublic(), CERTIFIER,
                AGENCY, DevelopmentPki.Purpose.PERSONAL_SIGNATURE), pki.rootCertificate()));
    }

    @Override
    SigningDevice device() {
        SigningKey key = Pkcs11Token.open(token.module(), Pkcs11Token.Slot.id(token.slotId()),
                SoftHsm.PIN.toCharArray()).key(KEY_NAME);
        assertThat(key.privateKey().getEncoded()).as("a token key is not extractable").isNull();
        return new KeyStoreDevice(key);
    }
}
