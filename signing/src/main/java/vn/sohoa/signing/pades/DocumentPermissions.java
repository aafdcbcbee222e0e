package vn.sohoa.signing.pades;

import java.io.IOException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import vn.sohoa.signing.keys.SigningException;

/**
 * Modification permissions of signed PDFs (ISO 32000-2, 12.8.2.2 DocMDP and 12.7.5.5 signature field locks): what
 * an earlier signature allows, and the lock a closing signature sets.
 */
final class DocumentPermissions {

    /** P=1: no changes but validation data and document time-stamps (ETSI EN 319 142-1, 5.4). */
    static final int NO_CHANGES = 1;

    private static final COSName DOC_MDP = COSName.getPDFName("DocMDP");
    private static final COSName PERMS = COSName.getPDFName("Perms");
    private static final COSName REFERENCE = COSName.getPDFName("Reference");
    private static final COSName TRANSFORM_METHOD = COSName.getPDFName("TransformMethod");
    private static final COSName TRANSFORM_PARAMS = COSName.getPDFName("TransformParams");
    private static final COSName LOCK = COSName.getPDFName("Lock");
    private static final COSName ACTION = COSName.getPDFName("Action");
    private static final COSName ALL = COSName.getPDFName("All");

    private DocumentPermissions() {
    }

    /** Refuses a PDF whose certification signature or a signed field's lock forbids any further change. */
    static void requireChangesAllowed(PDDocument document) throws IOException {
        COSDictionary perms = document.getDocumentCatalog().getCOSObject().getCOSDictionary(PERMS);
        if (perms != null && perms.getDictionaryObject(DOC_MDP) instanceof COSDictionary certification
                && docMdpPermission(certification) == NO_CHANGES) {
            throw new SigningException("the PDF is certified with \"no changes allowed\" (DocMDP P=1): a new "
                    + "signature would invalidate its certification signature");
        }
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return;
        }
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField signed && signed.getValue() != null
                    && signed.getCOSObject().getDictionaryObject(LOCK) instanceof COSDictionary lock
                    && lock.getInt(COSName.P, 0) == NO_CHANGES) {
                throw new SigningException("the PDF is closed by the signature in field \""
                        + field.getFullyQualifiedName() + "\" (field lock P=1): a new signature would "
                        + "invalidate it");
            }
        }
    }

    /** DocMDP permission of a certification signature dictionary; 2 when unstated (ISO 32000-1, Table 254). */
    private static int docMdpPermission(COSDictionary signature) {
        if (signature.getDictionaryObject(REFERENCE) instanceof COSArray references) {
            for (int i = 0; i < references.size(); i++) {
                if (references.getObject(i) instanceof COSDictionary reference
                        && DOC_MDP.equals(reference.getCOSName(TRANSFORM_METHOD))
                        && reference.getDictionaryObject(TRANSFORM_PARAMS) instanceof COSDictionary params) {
                    return params.getInt(COSName.P, 2);
                }
            }
        }
        return 2;
    }

    /**
     * Sets on the field of {@code signature} a lock of all fields with P=1, and the matching FieldMDP reference
     * in the signature dictionary, so that validators know which changes the signer allowed after it.
     */
    static void lockAfter(PDDocument document, PDSignature signature) throws IOException {
        PDSignatureField field = null;
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        for (PDField candidate : form.getFieldTree()) {
            if (candidate instanceof PDSignatureField signatureField
                    && signatureField.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
                field = signatureField;
            }
        }
        if (field == null) {
            throw new SigningException("the new signature has no field to lock");
        }
        COSDictionary lock = new COSDictionary();
        lock.setItem(COSName.TYPE, COSName.getPDFName("SigFieldLock"));
        lock.setItem(ACTION, ALL);
        lock.setInt(COSName.P, NO_CHANGES);
        field.getCOSObject().setItem(LOCK, lock);

        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setItem(ACTION, ALL);
        params.setInt(COSName.P, NO_CHANGES);
        params.setName(COSName.V, "1.2");
        params.setDirect(true);
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(TRANSFORM_METHOD, COSName.getPDFName("FieldMDP"));
        reference.setItem(TRANSFORM_PARAMS, params);
        reference.setItem(COSName.getPDFName("Data"), document.getDocumentCatalog().getCOSObject());
        reference.setDirect(true);
        COSArray references = new COSArray();
        references.add(reference);
        references.setDirect(true);
        signature.getCOSObject().setItem(REFERENCE, references);
    }
}
