package vn.sohoa.app.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.security.UserRepository;

/**
 * Where a user whose password an administrator set chooses their own, and a certifier with no signing PIN chooses one
 * (both through the API); any user may come here to change their password.
 */
@Controller
class PasswordPage {

    private final UserRepository users;

    PasswordPage(UserRepository users) {
        this.users = users;
    }

    @GetMapping("/password")
    String password(@AuthenticationPrincipal SohoaPrincipal principal, Model model) {
        boolean mustChange = users.mustChangePassword(principal.username());
        model.addAttribute("mustChange", mustChange);
        model.addAttribute("needsPin", !mustChange && principal.role() == Role.CERTIFIER
                && users.signingPinHash(principal.username()) == null);
        return "password";
    }
}
