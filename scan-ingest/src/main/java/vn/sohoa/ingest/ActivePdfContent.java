package vn.sohoa.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds what in a PDF would act when it is opened: JavaScript, launch and other actions that leave the document,
 * embedded or attached files, XFA forms. A scan has none of these; one that does is refused, not digitized (its
 * pages would be copied, but the clerk was handed something else than a scan).
 */
final class ActivePdfContent {

    private static final Set<COSName> ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
            COSName.getPDFName("ImportData"), COSName.getPDFName("SubmitForm"), COSName.getPDFName("Rendition"),
            COSName.getPDFName("RichMediaExecute"));
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName XFA = COSName.getPDFName("XFA");
    /** Enough for any scan's object graph; a file built to be walked forever stops here. */
    private static final int MAX_OBJECTS = 200_000;

    private ActivePdfContent() {
    }

    /** What acts in the document, or empty. Walks every object reachable from the trailer, once. */
    static Optional<String> find(PDDocument document) {
        Deque<COSBase> pending = new ArrayDeque<>();
        Map<COSBase, Boolean> seen = new IdentityHashMap<>();
        pending.add(document.getDocument().getTrailer());
        while (!pending.isEmpty() && seen.size() < MAX_OBJECTS) {
            COSBase item = pending.poll();
            if (item instanceof COSObject reference) {
                item = reference.getObject();
            }
            if (item == null || seen.put(item, Boolean.TRUE) != null) {
                continue;
            }
            if (item instanceof COSDictionary dictionary) {
                COSName subtype = dictionary.getCOSName(COSName.S);
                if (subtype != null && ACTIONS.contains(subtype)) {
                    return Optional.of("a " + subtype.getName() + " action");
                }
                if (dictionary.containsKey(JS)) {
                    return Optional.of("JavaScript");
                }
                if (dictionary.containsKey(EMBEDDED_FILES) || COSName.FILESPEC.equals(dictionary.getCOSName(COSName.TYPE))
                        && dictionary.containsKey(COSName.EF)) {
                    return Optional.of("an embedded file");
                }
                if (dictionary.containsKey(XFA)) {
                    return Optional.of("an XFA form");
                }
                if (!(item instanceof COSStream)) {
                    pending.addAll(dictionary.getValues());
                } else {
                    // a stream's dictionary may point further (resources of a form), not its data
                    dictionary.getValues().forEach(pending::add);
                }
            } else if (item instanceof COSArray array) {
                array.forEach(pending::add);
            }
        }
        return Optional.empty();
    }
}
