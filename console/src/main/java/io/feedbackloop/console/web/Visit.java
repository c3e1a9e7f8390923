package io.feedbackloop.console.web;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.feedbackloop.console.ConsoleConfig;
import io.feedbackloop.console.session.Accounts;
import io.feedbackloop.console.session.CsrfRejectedException;
import io.feedbackloop.console.session.Person;
import io.feedbackloop.console.session.Session;
import io.feedbackloop.console.session.SignedOutException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * This request's visitor: their session (if signed in), language, time zone and form token. Pages
 * read it in templates as {@code inject:visit}.
 */
@Named("visit")
@RequestScoped
public class Visit {

    static final String SESSION_COOKIE = "console_session";
    static final String CSRF_COOKIE = "console_csrf";
    static final String LANGUAGE_COOKIE = "lang";
    static final String ZONE_COOKIE = "tz";
    public static final String CSRF_FIELD = "csrf";
    static final List<String> LANGUAGES = List.of("en", "ru");

    private final HttpServerRequest request;
    private final ConsoleConfig config;
    private final Accounts accounts;
    private final Clock clock;
    private Session session;
    private String csrfToken;
    private boolean csrfIssued;
    private Session.Notice notice;
    private boolean noticeTaken;

    public Visit(HttpServerRequest request, ConsoleConfig config, Accounts accounts, Clock clock) {
        this.request = request;
        this.config = config;
        this.accounts = accounts;
        this.clock = clock;
    }

    void attach(Session session) {
        this.session = session;
    }

    public boolean signedIn() {
        return session != null;
    }

    public Session session() {
        if (session == null) {
            throw new SignedOutException("not signed in");
        }
        return session;
    }

    public Person person() {
        return session().person();
    }

    /** The person's access token for a service call, refreshed when needed. */
    public String bearer() {
        return session().bearer(clock.instant(), config.session().refreshAhead(), accounts::refresh);
    }

    public String sessionCookie() {
        Cookie cookie = request.getCookie(SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    // ---- language and time ----

    public String lang() {
        Cookie chosen = request.getCookie(LANGUAGE_COOKIE);
        if (chosen != null && LANGUAGES.contains(chosen.getValue())) {
            return chosen.getValue();
        }
        String accepted = request.getHeader("Accept-Language");
        if (accepted != null) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(accepted), List.of(Locale.ENGLISH, Locale.forLanguageTag("ru")));
                if (best != null) {
                    return best.getLanguage();
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header: the default language
            }
        }
        return "en";
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }

    public ZoneId zone() {
        Cookie chosen = request.getCookie(ZONE_COOKIE);
        if (chosen != null) {
            try {
                return ZoneId.of(java.net.URLDecoder.decode(chosen.getValue(), StandardCharsets.UTF_8));
            } catch (DateTimeException | IllegalArgumentException unknown) {
                // an unknown zone name: the default
            }
        }
        return ZoneId.of(config.session().defaultTimeZone());
    }

    /** A moment in the person's time zone and language, e.g. "5 Dec 2026, 14:03". */
    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale())
                .withZone(zone()).format(at);
    }

    /** The same moment for a {@code <time datetime>} attribute. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** Seconds left to a deadline as "2 h 05 min" or "−3 h 10 min" when overdue; days when long. */
    public String left(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long abs = Math.abs(seconds);
        String sign = seconds < 0 ? "−" : "";
        boolean ru = "ru".equals(lang());
        String d = ru ? " д " : " d ", h = ru ? " ч " : " h ", m = ru ? " мин" : " min";
        if (abs >= 86_400) {
            return sign + abs / 86_400 + d + (abs % 86_400) / 3600 + h.stripTrailing();
        }
        return sign + abs / 3600 + h + String.format("%02d", (abs % 3600) / 60) + m;
    }

    /** A percentage 0..100 as "87 %". */
    public String percentValue(Double percent) {
        return percent == null ? "—" : Math.round(percent) + " %";
    }

    /** A duration in seconds as "3 h 05 min" (or days). */
    public String duration(Double seconds) {
        return seconds == null ? "—" : left(Math.round(seconds));
    }

    public String zoneName() {
        return zone().getId();
    }

    // ---- form token (double submit: an HttpOnly cookie and the same value in every form) ----

    public String csrf() {
        if (csrfToken == null) {
            Cookie cookie = request.getCookie(CSRF_COOKIE);
            if (cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                csrfToken = cookie.getValue();
            } else {
                csrfToken = io.feedbackloop.console.session.Tokens.random();
                csrfIssued = true;
            }
        }
        return csrfToken;
    }

    boolean csrfIssued() {
        return csrfIssued;
    }

    /** Refuses a form whose token is not the one this browser holds. */
    public void verifyCsrf(String submitted) {
        Cookie cookie = request.getCookie(CSRF_COOKIE);
        if (cookie == null || submitted == null || !MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejectedException();
        }
    }

    public String clientAddress() {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    public String path() {
        return request.path();
    }

    public String uri() {
        return request.uri();
    }

    public boolean secureCookies() {
        return config.session().secureCookies();
    }

    // ---- one-time notices after a redirect ----

    public Session.Notice notice() {
        if (!noticeTaken && session != null) {
            notice = session.takeNotice();
            noticeTaken = true;
        }
        return notice;
    }

    public void tell(String text) {
        session().notice(false, text);
    }

    public void warn(String text) {
        session().notice(true, text);
    }
}
