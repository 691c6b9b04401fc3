package io.github.dingtalkroles.archfixtures.violations.dingtalk;

import com.google.inject.Inject;

/** Breaks "Guice only in the CLI". */
public class GuicyClient {
    @Inject
    public GuicyClient() {
    }
}
