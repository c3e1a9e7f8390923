package io.feedbackloop.console;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.feedbackloop.console.web.Assets;
import org.junit.jupiter.api.Test;

/** The pages name web-jar files by version; a dependency upgrade without updating them fails here. */
class AssetsTest {

    @Test
    void everyScriptThePagesNameIsOnTheClassPath() {
        for (String path : new String[] {Assets.HTMX, Assets.ECHARTS}) {
            assertNotNull(getClass().getResource("/META-INF/resources" + path), path);
        }
    }
}
