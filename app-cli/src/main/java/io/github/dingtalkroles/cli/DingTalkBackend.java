package io.github.dingtalkroles.cli;

import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.guice.DingTalkRolesModule;

/**
 * The DingTalk backend of the command line: the global options as the Feign adapter's builder, with a
 * fixed access token or with an app key and secret (the token is then fetched once and cached for the
 * run), composed by Guice through roles-guice's {@link DingTalkRolesModule}, as a Guice platform would.
 */
final class DingTalkBackend {
    private DingTalkBackend() {
    }

    /**
     * The DingTalk role directory the global options describe: the catalogue and its members.
     *
     * @throws MissingCredentialsException if neither a token nor a complete key and secret were given
     */
    static DingTalkRoleDirectory compose(RolesCommand options) {
        DingTalkRoleDirectory.Builder builder = DingTalkRoleDirectory.builder()
                .baseUrl(options.baseUrl)
                .logHttpTraffic(options.verbose);
        boolean hasKey = present(options.appKey);
        boolean hasSecret = present(options.appSecret);
        if (present(options.accessToken)) {
            builder.accessToken(AccessToken.of(options.accessToken.strip()));
        } else if (hasKey && hasSecret) {
            builder.appCredentials(options.appKey.strip(), AppSecret.of(options.appSecret.strip()));
        } else if (hasKey || hasSecret) {
            throw new MissingCredentialsException("the dingtalk backend needs both --app-key and --app-secret"
                    + " (DINGTALK_APP_KEY and DINGTALK_APP_SECRET); only " + (hasKey ? "the key" : "the secret")
                    + " was given");
        } else {
            throw new MissingCredentialsException("the dingtalk backend needs credentials: --access-token"
                    + " (DINGTALK_ACCESS_TOKEN), or --app-key and --app-secret (DINGTALK_APP_KEY, DINGTALK_APP_SECRET)");
        }
        try {
            return Guice.createInjector(new DingTalkRolesModule(builder)).getInstance(DingTalkRoleDirectory.class);
        } catch (ProvisionException e) {
            // Report what went wrong while composing (a malformed base URL, say), not Guice's wrapper.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
