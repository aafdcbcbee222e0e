package vn.sohoa.signing.devices;

import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.KeyStoreDevice;
import vn.sohoa.signing.keys.SigningDevice;

/** A certifier's key in a PKCS#12 file, loaded as the service loads development and file keys. */
class Pkcs12DeviceTest extends SigningDeviceContract {

    @Override
    SigningDevice device() {
        pki.issueOrLoad("certifier.p12", CERTIFIER, AGENCY, DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        // the second call reads the PKCS#12 file the first one wrote
        return new KeyStoreDevice(pki.issueOrLoad("certifier.p12", CERTIFIER, AGENCY,
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE));
    }
}
