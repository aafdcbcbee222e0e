package vn.sohoa.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.SignatureRequest;
import vn.sohoa.signing.pades.SignerRole;
import vn.sohoa.signing.pades.SigningOutcome;
import vn.sohoa.signing.remote.CscClient;
import vn.sohoa.signing.remote.CscDevice;
import vn.sohoa.signing.verify.SignatureVerifier;
import vn.sohoa.testkit.CscTestServer;
import vn.sohoa.testkit.SharedCorpus;

/** The certifier's key at a remote signing service reached through the CSC API v2 (see {@link CscTestServer}). */
class RemoteSigningTest {

    @TempDir
    static Path pkiDir;
    static PkiServer pkiServer;
    static CscTestServer csc;
    static PadesSigner signer;
    static SigningKey agency;

    @BeforeAll
    static void start() throws Exception {
        pkiServer = new PkiServer(pkiDir);
        DevelopmentPki pki = pkiServer.pki();
        SigningKey remoteKey = pki.issueOrLoad("remote.p12", "Phạm Minh Đức", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        agency = pki.issueOrLoad("agency.p12", "UBND xã Hòa Phong", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.AGENCY_SEAL);
        csc = new CscTestServer("token-123", "cred-duc", remoteKey.privateKey(), remoteKey.chain(), "4711");
        signer = pkiServer.signer();
    }

    @AfterAll
    static void stop() {
        csc.close();
        pkiServer.close();
    }

    static SignatureRequest request(SignerRole role, String name, boolean lock) {
        return new SignatureRequest(role, name, "Chứng thực bản sao điện tử từ bản chính, số 9", "UBND xã Hòa Phong",
                ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).withNano(0), lock);
    }

    static Consumer<List<X509Certificate>> trusted() {
        return chain -> new SignatureVerifier(List.of(
                pkiServer.pki().rootCertificate())).requireTrusted(chain, Instant.now());
    }

    @Test
    void aCredentialOfAnUnknownCaIsRefusedBeforeAnythingIsSigned() throws Exception {
        DevelopmentPki stranger = DevelopmentPki.openOrCreate(pkiDir.resolve("stranger"),
                new DevelopmentPki.Endpoints("http://127.0.0.1:9/crl", "http://127.0.0.1:9/ocsp"));
        var otherCa = new SignatureVerifier(List.of(stranger.rootCertificate()));
        CscClient client = new CscClient(URI.create(csc.baseUrl()), () -> "token-123", LoopbackOutbound.http());
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        assertThatThrownBy(() -> signer.sign(original, new CscDevice(client, "cred-duc", "4711".toCharArray(),
                chain -> otherCa.requireTrusted(chain, Instant.now())),
                request(SignerRole.CERTIFIER, "Phạm Minh Đức", false)))
                .isInstanceOf(SigningException.class).hasMessageContaining("does not chain to a trusted root");
    }

    @Test
    void aWrongPinOrTokenIsTheServicesClearRefusal() throws Exception {
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        CscClient client = new CscClient(URI.create(csc.baseUrl()), () -> "token-123", LoopbackOutbound.http());
        assertThatThrownBy(() -> signer.sign(original, new CscDevice(client, "cred-duc", "0000".toCharArray(),
                trusted()), request(SignerRole.CERTIFIER, "Phạm Minh Đức", false)))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("refused credentials/authorize").hasMessageContaining("invalid PIN")
                .hasMessageNotContaining("0000");

        CscClient stranger = new CscClient(URI.create(csc.baseUrl()), () -> "stolen", LoopbackOutbound.http());
        assertThatThrownBy(() -> stranger.info("cred-duc")).isInstanceOf(SigningException.class)
                .hasMessageContaining("HTTP 401");
    }
}
