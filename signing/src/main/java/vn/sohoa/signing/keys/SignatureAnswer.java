package vn.sohoa.signing.keys;

/** A device's answer to data to sign: the signature value now, or later from outside the service. */
public sealed interface SignatureAnswer {

    /** The signature value (for RSA, PKCS#1 v1.5 over SHA-256 of the data). */
    record Value(byte[] bytes) implements SignatureAnswer {
        public Value {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The key is elsewhere (the officer's USB token): the value comes back later, to complete what was prepared. */
    record Later() implements SignatureAnswer {
    }
}
