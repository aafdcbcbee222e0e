package vn.sohoa.core.document;

import java.time.OffsetDateTime;

/**
 * Who converted a paper into an electronic document, and when (Electronic Transactions Law 20/2023, art. 12: a
 * paper-to-electronic conversion must carry such a marker). Written into the PDF/A metadata, with the kind of paper
 * when it was recognised ({@code paperType}, a code such as BIRTH_CERTIFICATE, as dc:type; never personal data).
 */
public record DigitizationMarker(String title, String agencyCode, String agencyName, String clerk,
                                 OffsetDateTime convertedAt, String paperType) {

    public DigitizationMarker(String title, String agencyCode, String agencyName, String clerk,
                              OffsetDateTime convertedAt) {
        this(title, agencyCode, agencyName, clerk, convertedAt, null);
    }

    /** The same marker naming the kind of paper. */
    public DigitizationMarker withPaperType(String type) {
        return new DigitizationMarker(title, agencyCode, agencyName, clerk, convertedAt, type);
    }
}
