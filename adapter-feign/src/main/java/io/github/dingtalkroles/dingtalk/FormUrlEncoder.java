package io.github.dingtalkroles.dingtalk;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes the form parameters of a {@link DingTalkApi} method (its {@code @Param}s that are not in the
 * URL) as an {@code application/x-www-form-urlencoded} body, UTF-8, values URL-encoded, as DingTalk's
 * API pages send them.
 */
final class FormUrlEncoder implements Encoder {

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        if (!(object instanceof Map<?, ?> fields)) {
            throw new EncodeException("only form parameters can be encoded, not " + bodyType);
        }
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> {
            if (value != null) {
                body.add(encode(String.valueOf(name)) + "=" + encode(String.valueOf(value)));
            }
        });
        template.body(body.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** Form encoding of one name or value: UTF-8 bytes, percent-encoded, a space as {@code +}. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Percent-encoding of a query value: as {@link #encode} but a space as {@code %20}. */
    static String encodeQueryValue(String text) {
        return encode(text).replace("+", "%20");
    }
}
