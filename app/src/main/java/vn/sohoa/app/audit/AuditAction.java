package vn.sohoa.app.audit;

/** What the audit log records: access to personal papers, certifications, register changes, keys, logins, admin. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    SCAN_UPLOADED,
    DOCUMENT_DOWNLOADED,
    COPY_CERTIFIED,
    COPY_DOWNLOADED,
    REGISTER_NUMBER_VOIDED,
    REGISTER_BOOK_OPENED,
    REGISTER_YEAR_CLOSED,
    ORIGINAL_BARRED,
    API_CLIENT_CREATED,
    UNITS_IMPORTED,
    TARGETS_CHANGED,
    DOCUMENT_REUSED,
    WEBHOOK_SUBSCRIBED,
    WEBHOOK_STOPPED,
    DOCUMENT_VIEWED,
    PAGES_ARRANGED,
    DOCUMENT_SUBMITTED,
    PAGE_RESCANNED,
    USER_CREATED,
    USER_CHANGED,
    AGENCY_CREATED
}
