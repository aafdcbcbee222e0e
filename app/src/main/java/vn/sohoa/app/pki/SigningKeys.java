package vn.sohoa.app.pki;

import java.io.IOException;
import java.nio.file.Files;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.Pkcs11Token;
import vn.sohoa.signing.keys.Pkcs12KeySource;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.keys.SigningKey;

/** Finds the agency's and the certifier's keys in the configured key source. */
public final class SigningKeys {

    private final SohoaProperties.Signing settings;
    private final DevelopmentPki pki;
    private volatile Pkcs11Token token;

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
            case PKCS11 -> token().key(fileName.substring(0, fileName.length() - ".p12".length()));
        };
    }

    /** Logs in once, on first use; the token keeps the session for the life of the service. */
    private Pkcs11Token token() {
        Pkcs11Token opened = token;
        if (opened != null) {
            return opened;
        }
        synchronized (this) {
            if (token == null) {
                SohoaProperties.Pkcs11 hsm = settings.pkcs11();
                if (hsm == null || hsm.library() == null || (hsm.slotId() == null) == (hsm.slotListIndex() == null)) {
                    throw new SigningException("PKCS11 keys need sohoa.signing.pkcs11.library and one of "
                            + "sohoa.signing.pkcs11.slot-id or slot-list-index");
                }
                Pkcs11Token.Slot slot = hsm.slotId() != null ? Pkcs11Token.Slot.id(hsm.slotId())
                        : Pkcs11Token.Slot.listIndex(hsm.slotListIndex());
                token = Pkcs11Token.open(hsm.library(), slot, pin(hsm));
            }
            return token;
        }
    }

    private static char[] pin(SohoaProperties.Pkcs11 hsm) {
        if (hsm.pinFile() != null) {
            try {
                return Files.readString(hsm.pinFile()).strip().toCharArray();
            } catch (IOException e) {
                throw new SigningException("cannot read the PKCS#11 PIN file " + hsm.pinFile(), e);
            }
        }
        if (hsm.pin() == null || hsm.pin().isEmpty()) {
            throw new SigningException("PKCS11 keys need sohoa.signing.pkcs11.pin-file or pin");
        }
        return hsm.pin().toCharArray();
    }
}
