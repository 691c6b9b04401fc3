package io.github.dingtalkroles.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;

/**
 * Binds {@link RoleDirectory} to DingTalk through the Feign adapter, with a fixed access token or with
 * an app key and secret (the token is then fetched once and cached for the run).
 */
final class DingTalkModule extends AbstractModule {
    private final String baseUrl;
    private final AccessToken accessToken;
    private final String appKey;
    private final AppSecret appSecret;
    private final boolean logTraffic;

    private DingTalkModule(String baseUrl, AccessToken accessToken, String appKey, AppSecret appSecret,
            boolean logTraffic) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.logTraffic = logTraffic;
    }

    /**
     * The module for the global options.
     *
     * @throws MissingCredentialsException if neither a token nor a complete key and secret were given
     */
    static DingTalkModule from(RolesCommand options) {
        boolean hasKey = present(options.appKey);
        boolean hasSecret = present(options.appSecret);
        if (present(options.accessToken)) {
            return new DingTalkModule(options.baseUrl, AccessToken.of(options.accessToken.strip()), null, null,
                    options.verbose);
        }
        if (hasKey && hasSecret) {
            return new DingTalkModule(options.baseUrl, null, options.appKey.strip(),
                    AppSecret.of(options.appSecret.strip()), options.verbose);
        }
        if (hasKey || hasSecret) {
            throw new MissingCredentialsException("the dingtalk backend needs both --app-key and --app-secret"
                    + " (DINGTALK_APP_KEY and DINGTALK_APP_SECRET); only " + (hasKey ? "the key" : "the secret")
                    + " was given");
        }
        throw new MissingCredentialsException("the dingtalk backend needs credentials: --access-token"
                + " (DINGTALK_ACCESS_TOKEN), or --app-key and --app-secret (DINGTALK_APP_KEY, DINGTALK_APP_SECRET)");
    }

    /** The DingTalk role directory, composed by Guice from this module. */
    RoleDirectory compose() {
        try {
            return Guice.createInjector(this).getInstance(RoleDirectory.class);
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

    @Provides
    @Singleton
    RoleDirectory directory() {
        DingTalkRoleDirectory.Builder builder = DingTalkRoleDirectory.builder()
                .baseUrl(baseUrl)
                .logHttpTraffic(logTraffic);
        if (accessToken != null) {
            builder.accessToken(accessToken);
        } else {
            builder.appCredentials(appKey, appSecret);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "DingTalkModule[" + baseUrl + ", " + (accessToken != null ? "fixed token" : "app " + appKey) + "]";
    }
}
