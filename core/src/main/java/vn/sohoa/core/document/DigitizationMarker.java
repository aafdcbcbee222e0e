package vn.sohoa.core.document;

import java.time.OffsetDateTime;

/**
 * Who converted a paper into an electronic document, and when (Electronic Transactions Law 20/2023, art. 12: a
 * paper-to-electronic conversion must carry such a marker). Written into the PDF/A metadata.
 */
public record DigitizationMarker(String title, String agencyCode, String agencyName, String clerk,
                                 OffsetDateTime convertedAt) {
}
