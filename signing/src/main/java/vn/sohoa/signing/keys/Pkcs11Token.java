package vn.sohoa.signing.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PKCS#11 token — a hardware security module, a smart card, SoftHSM2 — opened through the JDK's SunPKCS11
 * provider. Keys stay in the token: signing hands the data to the token, and a key made here is made inside it.
 * The PIN is used to log in and is not kept.
 */
public final class Pkcs11Token {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Provider provider;
    private final KeyStore store;
    private final String description;

    private Pkcs11Token(Provider provider, KeyStore store, String description) {
        this.provider = provider;
        this.store = store;
        this.description = description;
    }

    /** Which slot of the module holds the token: its slot id, or its position among the slots. */
    public record Slot(Long id, Integer listIndex) {
        public Slot {
            if ((id == null) == (listIndex == null)) {
                throw new IllegalArgumentException("a slot is chosen by its id or by its list index, one of both");
            }
        }

        public static Slot id(long id) {
            return new Slot(id, null);
        }

        public static Slot listIndex(int index) {
            return new Slot(null, index);
        }

        String config() {
            return id != null ? "slot = " + id : "slotListIndex = " + listIndex;
        }

        @Override
        public String toString() {
            return id != null ? "slot " + id : "slot #" + listIndex;
        }
    }

    /**
     * Logs in to the token in {@code slot} through the PKCS#11 module {@code library}
     * (e.g. /usr/lib/softhsm/libsofthsm2.so).
     */
    public static Pkcs11Token open(Path library, Slot slot, char[] pin) {
        String description = "PKCS#11 token in " + slot + " of " + library;
        if (!Files.isReadable(library)) {
            throw new SigningException(description + ": the PKCS#11 module is not there or not readable");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new SigningException("this Java runtime has no SunPKCS11 provider");
        }
        String config = "--name = sohoa-" + INSTANCES.incrementAndGet() + "\n"
                + "library = " + library.toAbsolutePath() + "\n"
                + slot.config() + "\n"
                // keys generated here are token objects, private, and never extractable
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
                + "  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                + "attributes(generate, CKO_PUBLIC_KEY, *) = {\n  CKA_TOKEN = true\n}\n";
        try {
            Provider provider = base.configure(config);
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return new Pkcs11Token(provider, store, description);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new SigningException(description + ": cannot log in (" + rootMessage(e) + ")", e);
        }
    }

    /** The key under {@code alias} with the certificate chain stored beside it in the token. */
    public SigningKey key(String alias) {
        try {
            if (!store.isKeyEntry(alias)) {
                throw new SigningException(description + " has no key named \"" + alias + "\"; it holds "
                        + Collections.list(store.aliases()));
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, null);
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new SigningException(description + ": the key \"" + alias + "\" has no certificate");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            return new SigningKey(key, certificates, provider);
        } catch (GeneralSecurityException e) {
            throw new SigningException(description + ": cannot read the key \"" + alias + "\": " + e.getMessage(), e);
        }
    }

    /** A new RSA key pair made inside the token; store it with {@link #storeChain} once it has a certificate. */
    public KeyPair generateRsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new SigningException(description + ": cannot make a key pair: " + e.getMessage(), e);
        }
    }

    /** A new EC key pair on the named curve (e.g. secp256r1) made inside the token, as {@link #generateRsaKeyPair}. */
    public KeyPair generateEcKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new SigningException(description + ": cannot make a key pair: " + e.getMessage(), e);
        }
    }

    /** Names a token key {@code alias} and stores its certificate chain (signer first) beside it. */
    public void storeChain(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            store.setKeyEntry(alias, key, null, chain.toArray(new Certificate[0]));
        } catch (GeneralSecurityException e) {
            throw new SigningException(description + ": cannot store the certificate of \"" + alias + "\": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
