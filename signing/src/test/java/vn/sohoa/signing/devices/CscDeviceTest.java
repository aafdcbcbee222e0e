package vn.sohoa.signing.devices;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import vn.sohoa.signing.LoopbackOutbound;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.SigningDevice;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.remote.CscClient;
import vn.sohoa.signing.remote.CscDevice;
import vn.sohoa.signing.verify.SignatureVerifier;
import vn.sohoa.testkit.CscTestServer;

/** A certifier's key at a remote signing service, reached over HTTP through the CSC API v2 ({@link CscTestServer}). */
class CscDeviceTest extends SigningDeviceContract {

    static CscTestServer csc;

    @BeforeAll
    static void startCsc() throws Exception {
        SigningKey remote = pki.issueOrLoad("remote.p12", CERTIFIER, AGENCY, DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        csc = new CscTestServer("token-123", "cred-cuc", remote.privateKey(), remote.chain(), "4711");
    }

    @AfterAll
    static void stopCsc() {
        csc.close();
    }

    @Override
    SigningDevice device() {
        CscClient client = new CscClient(URI.create(csc.baseUrl()), () -> "token-123", LoopbackOutbound.http());
        SignatureVerifier trust = new SignatureVerifier(List.of(pki.rootCertificate()));
        return new CscDevice(client, "cred-cuc", "4711".toCharArray(),
                chain -> trust.requireTrusted(chain, Instant.now()));
    }
}
