package vn.sohoa.app.config;

/**
 * Where other systems and citizens reach this service (sohoa.public-base-url, else http://localhost:port), without
 * a trailing slash: written into development certificates and into the QR codes of certified copies.
 */
public record PublicBaseUrl(String value) {

    public PublicBaseUrl {
        value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
