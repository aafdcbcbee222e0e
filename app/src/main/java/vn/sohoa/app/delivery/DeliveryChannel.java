package vn.sohoa.app.delivery;

/** Where a certified copy goes to reach the requester (NĐ 45/2020: the personal data store, or e-mail). */
public enum DeliveryChannel {
    EMAIL,
    PORTAL
}
