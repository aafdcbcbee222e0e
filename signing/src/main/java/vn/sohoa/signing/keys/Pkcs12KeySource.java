package vn.sohoa.signing.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Loads a signing key from a PKCS#12 file. */
public final class Pkcs12KeySource {

    private Pkcs12KeySource() {
    }

    public static SigningKey load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new SigningKey(key, chain);
                }
            }
            throw new SigningException("no private key in " + file);
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningException("cannot open PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }
}
