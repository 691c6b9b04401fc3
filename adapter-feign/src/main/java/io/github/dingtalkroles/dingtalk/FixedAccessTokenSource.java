package io.github.dingtalkroles.dingtalk;

/** Always the same token; a refused token stays refused. Immutable. */
final class FixedAccessTokenSource implements AccessTokenSource {
    private final AccessToken token;

    FixedAccessTokenSource(AccessToken token) {
        this.token = token;
    }

    @Override
    public AccessToken currentToken() {
        return token;
    }

    @Override
    public void invalidate(AccessToken rejected) {
        // nothing to renew: the directory sees the same token again and reports NotAuthorized
    }

    @Override
    public String toString() {
        return "AccessTokenSource.fixed(" + token + ")";
    }
}
