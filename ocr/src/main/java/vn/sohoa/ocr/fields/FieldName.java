package vn.sohoa.ocr.fields;

/** The fields of a paper that reuse and the register need. */
public enum FieldName {
    /** Personal identification number (số định danh cá nhân): 12 digits, format checked. */
    CITIZEN_ID,
    FULL_NAME,
    /** ISO date, yyyy-mm-dd. */
    DATE_OF_BIRTH,
    /** The paper's own date (of issue, of signature), ISO. */
    ISSUE_DATE,
    ISSUING_BODY,
    /** The last day the paper is valid, where it has one, ISO. */
    VALID_UNTIL
}
