package org.filesync.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.filesync.settings.ConsoleRole;
import org.filesync.settings.ConsoleUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what in {@code serve}'s console. Reads (GET, HEAD) need a viewer or an operator,
 * except on a loopback address, where they are open; every other request needs an operator and
 * a CSRF token. Users come from the settings file with bcrypt hashes and log in with a form at
 * {@code /login}. Health and metrics stay open for scrapers.
 */
@Configuration(proxyBeanMethods = false)
final class ConsoleSecurity {

    private static final Set<String> READS = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name());
    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    /** What acting takes (run, pause, resume, stop): the filter chain's rule, and the pages' for their buttons. */
    private static final String ACTING_AUTHORITY = "ROLE_" + ConsoleRole.OPERATOR.name();

    private final List<ConsoleUser> users;
    private final boolean loopback;

    /** @param loopback whether the console listens on this host alone: reads go without a login */
    ConsoleSecurity(List<ConsoleUser> users, boolean loopback) {
        this.users = List.copyOf(users);
        this.loopback = loopback;
    }

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, AuthenticationManager logins) throws Exception {
        RequestMatcher reads = request -> READS.contains(request.getMethod());
        String viewer = ConsoleRole.VIEWER.name();
        String operator = ConsoleRole.OPERATOR.name();
        ExceptionMappingAuthenticationFailureHandler loginFailed = new ExceptionMappingAuthenticationFailureHandler();
        loginFailed.setDefaultFailureUrl("/login?error");
        loginFailed.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), "/login?throttled"));
        // after the login a person goes back to the page that asked for it, never to a script's JSON
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(new NegatedRequestMatcher(API));
        return http
                .authenticationManager(logins)
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                            "/actuator/prometheus", "/login", "/api/csrf").permitAll();
                    if (loopback) {
                        requests.requestMatchers(reads).permitAll();
                    } else {
                        requests.requestMatchers(reads).hasAnyRole(viewer, operator);
                    }
                    requests.anyRequest().hasAuthority(ACTING_AUTHORITY);
                })
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailed))
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .logout(Customizer.withDefaults())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(ConsoleSecurity::unauthorized, API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .build();
    }

    /** Whether {@code user} (null when nobody is logged in) may act: run, pause, resume, stop. */
    static boolean mayAct(Authentication user) {
        return user != null && user.isAuthenticated() && user.getAuthorities().stream()
                .anyMatch(authority -> ACTING_AUTHORITY.equals(authority.getAuthority()));
    }

    /** Only these users, so that Spring Boot makes no default user with a generated password. */
    @Bean
    AuthenticationManager consoleLogins() {
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(users.stream()
                .map(user -> User.withUsername(user.name()).password(user.passwordHash().reveal())
                        .roles(user.role().name()).build())
                .toList());
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(new BCryptPasswordEncoder());
        return new ProviderManager(new ThrottledLogin(passwords, new LoginThrottle(Clock.systemUTC())));
    }

    /** A script gets a status and a line of JSON, not the login page. */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\": \"log in first: POST /login with username and password\"}");
    }
}
