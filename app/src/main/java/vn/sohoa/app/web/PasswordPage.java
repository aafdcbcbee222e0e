package vn.sohoa.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a user whose password an administrator set chooses their own (the change goes through the API). */
@Controller
class PasswordPage {

    @GetMapping("/password")
    String password() {
        return "password";
    }
}
