package vn.sohoa.app.certify;

/**
 * Published inside the transaction that issues a certified copy, once per copy: listeners that must stay atomic with
 * the register (statistics, webhooks) run in that transaction and fail it if they fail.
 */
public record CopyCertified(Certification copy) {
}
