package io.feedbackloop.console.web;

import io.quarkus.qute.TemplateExtension;

/**
 * Paths of the scripts served from web jars, as {@code assets:htmx} in templates: the versions are
 * written once, here, and a test checks the files exist on the class path.
 */
@TemplateExtension(namespace = "assets")
public final class Assets {

    public static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";
    public static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    private Assets() {
    }

    static String htmx() {
        return HTMX;
    }

    static String echarts() {
        return ECHARTS;
    }
}
