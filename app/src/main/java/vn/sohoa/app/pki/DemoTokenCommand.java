package vn.sohoa.app.pki;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.Pkcs11Token;

/**
 * {@code sohoa demo-token --library <pkcs11.so> --slot <id> --pin <pin> [--user certifier]}: puts a certifier's key on
 * a PKCS#11 token (SoftHSM2 made by {@code ./sohoa demo-token}) with a certificate from the development PKI and
 * enrols that certificate for the certifier, so that sohoa-signer can sign from the web page the way an officer's USB
 * token does. Development only: refused when the service's keys are not the development PKI's.
 */
public final class DemoTokenCommand {

    private DemoTokenCommand() {
    }

    public static int run(ConfigurableApplicationContext context, List<String> args, PrintStream out,
                          PrintStream err) {
        String library = null;
        String slot = null;
        String pin = null;
        String username = "certifier";
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--library" -> library = args.get(i + 1);
                case "--slot" -> slot = args.get(i + 1);
                case "--pin" -> pin = args.get(i + 1);
                case "--user" -> username = args.get(i + 1);
                default -> {
                    err.println("sohoa demo-token: unknown option " + args.get(i));
                    return 2;
                }
            }
        }
        if (library == null || slot == null || pin == null) {
            err.println("sohoa demo-token: --library, --slot and --pin are required (./sohoa demo-token gives them)");
            return 2;
        }
        if (context.getBean(SohoaProperties.class).signing().keys() != SohoaProperties.KeySource.DEVELOPMENT) {
            err.println("sohoa demo-token: only with the development PKI (sohoa.signing.keys=development)");
            return 2;
        }
        String user = username;
        SohoaPrincipal certifier = context.getBean(UserRepository.class).find(user)
                .filter(found -> found.role() == Role.CERTIFIER).orElse(null);
        if (certifier == null) {
            err.println("sohoa demo-token: no certifier named " + user + " (start the service once first: ./sohoa run)");
            return 2;
        }
        String organization = context.getBean(AgencyRepository.class).find(certifier.agencyCode())
                .map(agency -> agency.name()).orElse(certifier.agencyCode());
        DevelopmentPki pki = context.getBean(DevelopmentPki.class);
        Pkcs11Token token = Pkcs11Token.open(Path.of(library), Pkcs11Token.Slot.id(Long.parseLong(slot)),
                pin.toCharArray());
        KeyPair pair = token.generateRsaKeyPair(2048);
        X509Certificate certificate = pki.issueCertificate(pair.getPublic(), certifier.fullName(), organization,
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        token.storeChain("certifier-" + user, pair.getPrivate(), List.of(certificate, pki.rootCertificate()));
        try {
            var enrolled = context.getBean(CertifierCertificates.class).enrol(certifier, user,
                    Base64.getEncoder().encodeToString(certificate.getEncoded()), true);
            out.println("sohoa demo-token: a key for " + certifier.fullName() + " on the token, certificate "
                    + enrolled.subject() + " enrolled for " + user + " (SHA-256 " + enrolled.fingerprint() + ")");
            return 0;
        } catch (CertificateEncodingException e) {
            err.println("sohoa demo-token: " + e.getMessage());
            return 1;
        }
    }
}
