package org.filesync.web;

import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The login page, and the CSRF token a script sends with its state-changing requests. */
@Controller
final class LoginController {

    @GetMapping("/login")
    String loginPage() {
        return "login";
    }

    @GetMapping("/api/csrf")
    @ResponseBody
    Map<String, String> csrfToken(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName(),
                "token", token.getToken());
    }
}
