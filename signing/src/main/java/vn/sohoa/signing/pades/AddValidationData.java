package vn.sohoa.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.sohoa.core.util.Sha256;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.revocation.RevocationEvidence;
import vn.sohoa.signing.revocation.ValidationData;

/**
 * Writes validation data into a signed PDF as its document security store (ETSI EN 319 142-1, 5.4.2: the /DSS
 * dictionary with /Certs, /CRLs and /OCSPs), in an incremental update so every signature stays intact. What the
 * store already holds is not written twice. The catalog also declares the ESIC extension that PAdES readers expect.
 */
public final class AddValidationData {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName CERTS = COSName.getPDFName("Certs");
    private static final COSName CRLS = COSName.getPDFName("CRLs");
    private static final COSName OCSPS = COSName.getPDFName("OCSPs");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");
    private static final COSName ESIC = COSName.getPDFName("ESIC");

    public byte[] apply(byte[] pdf, ValidationData data) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return apply(document, pdf.length, data);
        } catch (IOException e) {
            throw new SigningException("cannot add validation data to the signed PDF: " + e.getMessage(), e);
        }
    }

    /** As {@link #apply(byte[], ValidationData)}, on the document already open (loaded from {@code length} bytes). */
    public byte[] apply(PDDocument document, int length, ValidationData data) {
        try {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSDictionary dss = catalog.getCOSDictionary(DSS);
            if (dss == null) {
                dss = new COSDictionary();
                catalog.setItem(DSS, dss);
            }
            List<byte[]> certificates = new ArrayList<>();
            for (X509Certificate certificate : data.certificates()) {
                certificates.add(certificate.getEncoded());
            }
            addAll(document, dss, CERTS, certificates);
            addAll(document, dss, CRLS, data.evidence().stream()
                    .filter(evidence -> evidence.kind() == RevocationEvidence.Kind.CRL)
                    .map(RevocationEvidence::encoded).toList());
            addAll(document, dss, OCSPS, data.evidence().stream()
                    .filter(evidence -> evidence.kind() == RevocationEvidence.Kind.OCSP_RESPONSE)
                    .map(RevocationEvidence::encoded).toList());
            declareEsic(catalog);
            dss.setNeedToBeUpdated(true);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length + 64 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException | CertificateEncodingException e) {
            throw new SigningException("cannot add validation data to the signed PDF: " + e.getMessage(), e);
        }
    }

    /** Adds each item not already in the store's {@code key} array, each as a stream of its own. */
    private static void addAll(PDDocument document, COSDictionary dss, COSName key, List<byte[]> items)
            throws IOException {
        COSArray array = dss.getCOSArray(key);
        if (array == null) {
            array = new COSArray();
            dss.setItem(key, array);
        }
        Set<String> present = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.getObject(i) instanceof COSStream stream) {
                try (var in = stream.createInputStream()) {
                    present.add(Sha256.hex(in.readAllBytes()));
                }
            }
        }
        for (byte[] encoded : items) {
            if (!present.add(Sha256.hex(encoded))) {
                continue;
            }
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(encoded);
            }
            stream.setNeedToBeUpdated(true);
            array.add(stream);
            array.setNeedToBeUpdated(true);
        }
    }

    /** ISO 32000-1 extension for PAdES (ETSI EN 319 142-1, 5.4.1). */
    private static void declareEsic(COSDictionary catalog) {
        COSDictionary extensions = catalog.getCOSDictionary(EXTENSIONS);
        if (extensions == null) {
            extensions = new COSDictionary();
            catalog.setItem(EXTENSIONS, extensions);
        }
        if (extensions.containsKey(ESIC)) {
            return;
        }
        COSDictionary esic = new COSDictionary();
        esic.setName(COSName.getPDFName("BaseVersion"), "1.7");
        esic.setItem(COSName.getPDFName("ExtensionLevel"), COSInteger.get(5));
        esic.setDirect(true);
        extensions.setItem(ESIC, esic);
        extensions.setNeedToBeUpdated(true);
    }
}
