package vn.sohoa.signing.stamp;

/**
 * The pictures that stand for the hand-written signature and the red seal in the statement (PNG, transparency
 * kept). Either may be absent. Drawn at {@code heightPoints} high, the seal over the left third of the signature,
 * as on paper.
 */
public record StampImages(byte[] certifierSignaturePng, byte[] agencySealPng, float heightPoints) {

    public static final StampImages NONE = new StampImages(null, null, 0);

    public boolean any() {
        return certifierSignaturePng != null || agencySealPng != null;
    }
}
