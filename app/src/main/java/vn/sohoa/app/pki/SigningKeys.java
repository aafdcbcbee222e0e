package vn.sohoa.app.pki;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.Pkcs12KeySource;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.keys.SigningKey;

/** Finds the agency's and the certifier's keys in the configured key source. */
public final class SigningKeys {

    private final SohoaProperties.Signing settings;
    private final DevelopmentPki pki;

    SigningKeys(SohoaProperties.Signing settings, DevelopmentPki pki) {
        this.settings = settings;
        this.pki = pki;
    }

    public SigningKey agencyKey(String agencyCode, String agencyName) {
        return load("agency-" + agencyCode + ".p12", agencyName, agencyName, DevelopmentPki.Purpose.AGENCY_SEAL);
    }

    public SigningKey certifierKey(String username, String fullName, String agencyName) {
        return load("certifier-" + username + ".p12", fullName, agencyName,
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
    }

    private SigningKey load(String fileName, String commonName, String organization, DevelopmentPki.Purpose purpose) {
        return switch (settings.keys()) {
            case DEVELOPMENT -> pki.issueOrLoad(fileName, commonName, organization, purpose);
            case PKCS12_DIRECTORY -> {
                if (settings.keystoreDirectory() == null || settings.keystorePassword() == null) {
                    throw new SigningException("sohoa.signing.keystore-directory and keystore-password are required "
                            + "for PKCS12_DIRECTORY keys");
                }
                yield Pkcs12KeySource.load(settings.keystoreDirectory().resolve(fileName),
                        settings.keystorePassword().toCharArray());
            }
        };
    }
}
