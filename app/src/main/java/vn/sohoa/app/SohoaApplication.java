package vn.sohoa.app;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import vn.sohoa.ocr.OcrCommand;

/**
 * The Sohoa service. The same jar runs the command-line tools: {@code ocr} digitizes files without the server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SohoaApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "ocr".equals(args[0])) {
            System.exit(OcrCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(SohoaApplication.class, args);
    }
}
