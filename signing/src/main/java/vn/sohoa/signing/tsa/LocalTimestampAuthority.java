package vn.sohoa.signing.tsa;

import java.math.BigInteger;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.keys.SigningKey;

/**
 * A time-stamping authority in the process, for the development PKI and for offline installations. It goes through
 * the same request/response objects as a remote RFC 3161 service.
 */
public final class LocalTimestampAuthority implements TimestampAuthority {

    /** A private-arc policy OID for development time-stamps. */
    private static final ASN1ObjectIdentifier DEV_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");

    /**
     * ECDSA signatures (a P-256 time-stamping key) vary in DER length by a byte or two; tokens are
     * made until they have the most common length (about one try in two).
     */
    private static final int SAMPLES = 64;

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final TimeStampResponseGenerator responder;
    private final SecureRandom random = new SecureRandom();
    private final int tokenLength;
    /** The time written into each token: the service's clock. */
    private final Clock clock;

    public LocalTimestampAuthority(SigningKey tsaKey) {
        this(tsaKey, Clock.systemUTC());
    }

    public LocalTimestampAuthority(SigningKey tsaKey, Clock clock) {
        this.clock = clock;
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    signerInfoGenerator(tsaKey).build(tsaKey.signatureAlgorithm(),
                            tsaKey.privateKey(), tsaKey.certificate()),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    DEV_POLICY);
            tokens.addCertificates(new JcaCertStore(tsaKey.chain()));
            this.responder = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (Exception e) {
            throw new SigningException("cannot start the local time-stamping authority: " + e.getMessage(), e);
        }
        boolean fixed = !tsaKey.signatureAlgorithm().endsWith("ECDSA");
        Map<Integer, Integer> lengths = new HashMap<>();
        for (int i = 0; i < (fixed ? 0 : SAMPLES); i++) {
            lengths.merge(token(new byte[32]).length, 1, Integer::sum);
        }
        this.tokenLength = fixed ? -1 : lengths.entrySet().stream().max(Map.Entry.comparingByValue())
                .orElseThrow().getKey();
    }

    /**
     * Ed25519 signs through Bouncy Castle, ten times faster than the JDK's implementation; the other key types
     * through the key's own provider (a token's) or the JDK's.
     */
    private static JcaSimpleSignerInfoGeneratorBuilder signerInfoGenerator(SigningKey tsaKey)
            throws OperatorCreationException {
        JcaSimpleSignerInfoGeneratorBuilder builder = new JcaSimpleSignerInfoGeneratorBuilder();
        if (tsaKey.provider() != null) {
            builder.setProvider(tsaKey.provider());
        } else if (tsaKey.signatureAlgorithm().equals("Ed25519")) {
            builder.setProvider(BOUNCY_CASTLE);
        }
        return builder;
    }

    /**
     * A positive 63-bit random number with its top bit set: its DER encoding always has 8 bytes, so tokens have a
     * predictable size (see PadesSigner on why sizes matter).
     */
    private BigInteger fixedLengthRandom() {
        return new BigInteger(62, random).setBit(62);
    }

    /**
     * A token of always the same length, so that signature containers keep their size: RSA tokens have it by
     * construction; an ECDSA token is made again until its signature has the most common DER length (two tries
     * on average, each a fraction of a millisecond).
     */
    @Override
    public byte[] timestamp(byte[] sha256Imprint) {
        byte[] token = token(sha256Imprint);
        while (tokenLength > 0 && token.length != tokenLength) {
            token = token(sha256Imprint);
        }
        return token;
    }

    private synchronized byte[] token(byte[] sha256Imprint) {
        try {
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256Imprint, fixedLengthRandom());
            TimeStampResponse response = responder.generate(request, fixedLengthRandom(), Date.from(clock.instant()));
            response.validate(request);
            return response.getTimeStampToken().getEncoded();
        } catch (Exception e) {
            throw new SigningException("the local time-stamping authority failed: " + e.getMessage(), e);
        }
    }
}
