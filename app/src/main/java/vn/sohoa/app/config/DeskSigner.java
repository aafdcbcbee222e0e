package vn.sohoa.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the certifier's page finds the desk signing agent (sohoa-signer) on the certifier's own computer, prefix
 * {@code sohoa.desk-signer}; the pages' Content-Security-Policy lets them connect there and nowhere else.
 *
 * @param url         the agent's address as the browser reaches it (loopback, its fixed port)
 * @param downloadUrl where a certifier without the agent gets it (shown when the page cannot reach it)
 */
@ConfigurationProperties("sohoa.desk-signer")
public record DeskSigner(@DefaultValue("http://127.0.0.1:18765") String url,
                         @DefaultValue("https://github.com/sohoa/sohoa/releases") String downloadUrl) {
}
