package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/** The session cookie as Spring Session writes it, with the service's customizer applied. */
class SessionCookieTest {

    private static String setCookie(String publicBaseUrl) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        SessionCookie.customizer(publicBaseUrl).customize(serializer);
        MockHttpServletRequest request = new MockHttpServletRequest(); // plain HTTP, as behind a TLS-ending proxy
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieSerializer.CookieValue(request, response, "session-id"));
        return response.getHeader("Set-Cookie");
    }

    @Test
    void secureWhenThePublicUrlIsHttpsEvenIfTheRequestCameOverHttp() {
        assertThat(setCookie("https://chungthuc.example.vn")).contains("Secure");
        assertThat(setCookie("http://localhost:8080")).doesNotContain("Secure");
    }
}
