package vn.sohoa.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The scanning stations' hot folders; the page's script follows them through the API. */
@Controller
class ScannerPage {

    @GetMapping("/scanners")
    String scanners(Model model) {
        return "scanners";
    }
}
