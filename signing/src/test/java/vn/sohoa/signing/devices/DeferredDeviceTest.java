package vn.sohoa.signing.devices;

import java.security.Signature;

import vn.sohoa.signing.keys.DataToSign;
import vn.sohoa.signing.keys.DeferredDevice;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.SigningDevice;
import vn.sohoa.signing.keys.SigningKey;

/**
 * The officer's USB token: the service knows only the certificate chain and answers later. The token's side is
 * played by plain JCA code holding the key, as the signing agent on the officer's desk does with the token's driver.
 */
class DeferredDeviceTest extends SigningDeviceContract {

    private static SigningKey onTheToken() {
        return pki.issueOrLoad("token.p12", CERTIFIER, AGENCY, DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
    }

    @Override
    SigningDevice device() {
        return new DeferredDevice(onTheToken().chain());
    }

    @Override
    byte[] answerFromOutside(DataToSign data) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(onTheToken().privateKey());
        rsa.update(data.signedAttributes());
        return rsa.sign();
    }
}
