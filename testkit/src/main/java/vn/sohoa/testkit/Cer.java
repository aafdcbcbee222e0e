package vn.sohoa.testkit;

import java.text.Normalizer;

/**
 * Character error rate as the corpus defines it (shared/corpus/tools/cer.py): both texts NFC, soft hyphens dropped,
 * fi/fl ligatures expanded, every run of white space one space, ends stripped; Levenshtein distance in code points
 * divided by the reference length.
 */
public final class Cer {

    private Cer() {
    }

    public static double of(String reference, String hypothesis) {
        int[] ref = normalize(reference).codePoints().toArray();
        int[] hyp = normalize(hypothesis).codePoints().toArray();
        return (double) levenshtein(ref, hyp) / Math.max(1, ref.length);
    }

    static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\u00ad", "").replace("\ufb01", "fi").replace("\ufb02", "fl");
        // (?U): Unicode white space, as Python's re (the corpus' cer.py) has it, no-break space included
        return nfc.replaceAll("(?U)\\s+", " ").strip();
    }

    private static int levenshtein(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
