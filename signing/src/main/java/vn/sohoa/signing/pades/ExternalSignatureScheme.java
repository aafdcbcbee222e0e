package vn.sohoa.signing.pades;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.bsi.BSIObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import vn.sohoa.signing.keys.SigningException;

/**
 * How a key outside the service signs the prepared attributes, and how its value goes into the CMS. The gap in the PDF
 * is reserved before the value exists and the CMS must fill it exactly, so every scheme here has values of a length
 * known from the certificate alone: RSA PKCS#1 v1.5 by construction; ECDSA in its plain form (r and s as fixed-length
 * integers, BSI TR-03111 ecdsa-plain-SHA256, which CAdES and EU DSS accept) rather than the DER form whose length
 * varies by a byte or two. A token's DER value is converted to the plain form on arrival.
 */
public enum ExternalSignatureScheme {

    RSA_PKCS1_SHA256("RSASSA-PKCS1-v1_5 with SHA-256", "1.2.840.113549.1.1.11", "SHA256withRSA"),
    /** What the signer is asked for: ECDSA over SHA-256, DER (X9.62) or plain r‖s; what the CMS carries: plain. */
    ECDSA_SHA256("ECDSA with SHA-256 (DER or plain r||s)", "1.2.840.10045.4.3.2", "SHA256withECDSAinP1363Format");

    private final String description;
    private final String oid;
    private final String jcaVerifier;

    ExternalSignatureScheme(String description, String oid, String jcaVerifier) {
        this.description = description;
        this.oid = oid;
        this.jcaVerifier = jcaVerifier;
    }

    /** The scheme for a certificate's key, or a refusal naming the key type. */
    public static ExternalSignatureScheme of(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return RSA_PKCS1_SHA256;
        }
        if (key instanceof ECPublicKey) {
            return ECDSA_SHA256;
        }
        throw new SigningException("signing outside the service needs an RSA or EC certificate, not "
                + key.getAlgorithm());
    }

    public String description() {
        return description;
    }

    public String oid() {
        return oid;
    }

    /** The length in bytes of every signature value of {@code key} as the CMS carries it. */
    int valueLength(PublicKey key) {
        return switch (this) {
            case RSA_PKCS1_SHA256 -> (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
            case ECDSA_SHA256 -> 2 * fieldBytes((ECPublicKey) key);
        };
    }

    AlgorithmIdentifier cmsAlgorithm() {
        return switch (this) {
            case RSA_PKCS1_SHA256 -> new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption,
                    DERNull.INSTANCE);
            case ECDSA_SHA256 -> new AlgorithmIdentifier(BSIObjectIdentifiers.ecdsa_plain_SHA256);
        };
    }

    /**
     * The signer's value in the form the CMS carries, checked against {@code key} over {@code signedData}.
     *
     * @throws InvalidSignatureValueException when it is malformed or does not verify
     */
    byte[] checkedValue(PublicKey key, byte[] signedData, byte[] value) {
        byte[] carried = this == ECDSA_SHA256 && value.length != valueLength(key)
                ? plainFromDer(value, fieldBytes((ECPublicKey) key)) : value;
        try {
            Signature verifier = Signature.getInstance(jcaVerifier);
            verifier.initVerify(key);
            verifier.update(signedData);
            if (!verifier.verify(carried)) {
                throw new InvalidSignatureValueException("the signature value does not match the data to sign");
            }
            return carried;
        } catch (SignatureException e) {
            throw new InvalidSignatureValueException("the signature value is not a " + description + " value of "
                    + "the right size: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot check the signature value: " + e.getMessage(), e);
        }
    }

    private static int fieldBytes(ECPublicKey key) {
        return (key.getParams().getOrder().bitLength() + 7) / 8;
    }

    /** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279) as r‖s, each left-padded to the field size. */
    private static byte[] plainFromDer(byte[] der, int size) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (sequence.size() != 2) {
                throw new InvalidSignatureValueException("an ECDSA value has two integers, r and s");
            }
            byte[] plain = new byte[2 * size];
            for (int i = 0; i < 2; i++) {
                BigInteger part = ASN1Integer.getInstance(sequence.getObjectAt(i)).getPositiveValue();
                byte[] bytes = part.toByteArray();
                int start = bytes.length > size ? bytes.length - size : 0;
                if (bytes.length - start > size || (start > 0 && bytes[0] != 0)) {
                    throw new InvalidSignatureValueException("an ECDSA integer is longer than the curve's order");
                }
                System.arraycopy(bytes, start, plain, (i + 1) * size - (bytes.length - start), bytes.length - start);
            }
            return plain;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSignatureValueException("the signature value is neither a DER nor a plain ECDSA value "
                    + "of this key's size");
        }
    }
}
