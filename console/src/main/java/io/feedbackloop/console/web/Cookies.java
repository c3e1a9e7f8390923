package io.feedbackloop.console.web;

/** Set-Cookie values, spelled out so that every attribute is visible here. */
final class Cookies {

    private Cookies() {
    }

    /**
     * @param maxAgeSeconds -1: until the browser closes; 0: delete now
     * @param sameSite      Lax for the session (a link from an email opens a case signed in), Strict for the form token
     */
    static String header(String name, String value, long maxAgeSeconds, boolean httpOnly, String sameSite, boolean secure) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (httpOnly) {
            cookie.append("; HttpOnly");
        }
        cookie.append("; SameSite=").append(sameSite);
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }
}
