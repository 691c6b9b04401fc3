package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The envelope pass of {@link Reply}: one streaming read of the top-level fields error mapping needs. */
class EnvelopeTest {

    @Test
    void readsErrcodeWrittenAsANumberOrAsANumericString() {
        assertThat(reply("{\"errcode\":40014}").errcode()).isEqualTo(40014);
        assertThat(reply("{\"errcode\":\" 40014 \"}").errcode()).isEqualTo(40014);
        assertThat(reply("{\"errcode\":\"40014\"}").errcodeText()).isEqualTo("40014");
        assertThat(reply("{\"errcode\":-1}").errcode()).isEqualTo(-1);
    }

    @Test
    void keepsAnErrcodeThatIsNoIntegerAsWrittenButAsNoNumber() {
        Reply fraction = reply("{\"errcode\":1.5e3}");
        Reply huge = reply("{\"errcode\":99999999999999999999}");

        assertThat(fraction.hasErrcode()).isTrue();
        assertThat(fraction.errcode()).isNull();
        assertThat(fraction.errcodeText()).isEqualTo("1.5e3");
        assertThat(huge.errcode()).isNull();
        assertThat(huge.errcodeText()).isEqualTo("99999999999999999999");
    }

    @Test
    void digitsOfOtherScriptsAreNoErrcode() {
        // as for ids: "٠" (Arabic-Indic zero) must not read as errcode 0, a success
        Reply arabicZero = reply("{\"errcode\":\"\u0660\",\"roleId\":5}");

        assertThat(arabicZero.hasErrcode()).isTrue();
        assertThat(arabicZero.errcode()).isNull();
        assertThat(catchThrowable(() -> DingTalkErrors.successBody(arabicZero, "add_role", ErrorMapper.NONE)))
                .isInstanceOf(AttemptFailed.class);
    }

    @Test
    void readsTheOtherEnvelopeFields() {
        Reply reply = reply("{\"errcode\":88,\"sub_code\":\"40014\",\"errmsg\":\" invalid \",\"request_id\":\"r-1\"}");

        assertThat(reply.isJsonObject()).isTrue();
        assertThat(reply.subCode()).isEqualTo("40014");
        assertThat(reply.errmsg()).isEqualTo("invalid");
        assertThat(reply.requestId()).isEqualTo("r-1");
    }

    @Test
    void fallsBackToCamelCaseRequestId() {
        assertThat(reply("{\"errcode\":0,\"requestId\":\"camel\"}").requestId()).isEqualTo("camel");
        assertThat(reply("{\"requestId\":\"camel\",\"request_id\":\"snake\"}").requestId()).isEqualTo("snake");
        assertThat(reply("{\"requestId\":\"camel\",\"request_id\":\"  \"}").requestId()).isEqualTo("camel");
    }

    @Test
    void skipsNestedObjectsAndArraysIncludingFieldsNamedLikeTheEnvelope() {
        Reply reply = reply("{\"result\":{\"errcode\":5,\"list\":[{\"errcode\":6,\"request_id\":\"inner\"}],"
                + "\"punish\":\"deny\"},\"x\":[[{\"sub_code\":\"inner\"}]],\"errcode\":0,\"request_id\":\"outer\"}");

        assertThat(reply.errcode()).isZero();
        assertThat(reply.requestId()).isEqualTo("outer");
        assertThat(reply.subCode()).isNull();
        assertThat(reply.isPunishPage()).isFalse();
    }

    @Test
    void containersNullsAndBlanksInEnvelopeFieldsCountAsNoText() {
        Reply reply = reply("{\"errcode\":{\"code\":1},\"sub_code\":[\"x\"],\"errmsg\":null,\"request_id\":\" \"}");

        assertThat(reply.hasErrcode()).as("an errcode object is still an errcode").isTrue();
        assertThat(reply.errcodeText()).isNull();
        assertThat(reply.subCode()).isNull();
        assertThat(reply.errmsg()).isNull();
        assertThat(reply.requestId()).isNull();
        assertThat(reply("{\"errcode\":null}").hasErrcode()).isFalse();
    }

    @Test
    void scalarsOfOtherTypesAreReadAsTheirText() {
        assertThat(reply("{\"errcode\":0,\"errmsg\":true,\"request_id\":12}").errmsg()).isEqualTo("true");
        assertThat(reply("{\"errcode\":0,\"errmsg\":true,\"request_id\":12}").requestId()).isEqualTo("12");
    }

    @Test
    void theLastOfDuplicatedFieldsWins() {
        assertThat(reply("{\"errcode\":0,\"errcode\":90018}").errcode()).isEqualTo(90018);
        assertThat(reply("{\"errcode\":90018,\"errcode\":null}").hasErrcode()).isFalse();
        Reply containerLast = reply("{\"errcode\":90018,\"errcode\":[1]}");
        assertThat(containerLast.hasErrcode()).isTrue();
        assertThat(containerLast.errcodeText()).isNull();
        assertThat(reply("{\"request_id\":\"a\",\"request_id\":\"b\"}").requestId()).isEqualTo("b");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   ", "OK", "[1,2]", "\"errcode\"", "17", "null",
            "{\"errcode\":0,\"result\":{\"hasMore\":fal", "{\"errcode\":0", "{\"errcode\":0,}",
            "{\"errcode\":0} trailing", "{\"errcode\":0}{\"errcode\":1}", "{\"errcode\":0}]",
            "<html>{\"errcode\":0}</html>", "{'errcode':0}", "{errcode:0}", "{\"errcode\":01}",
            "{\"errcode\":0,\"x\":\"\\q\"}", "{\"errcode\":0,\"x\":[1,}"})
    void aBodyThatIsNotExactlyOneJsonObjectHasNoEnvelope(String body) {
        Reply reply = reply(body);

        assertThat(reply.isJsonObject()).isFalse();
        assertThat(reply.hasErrcode()).isFalse();
        assertThat(reply.errcodeText()).isNull();
        assertThat(reply.requestId()).isNull();
    }

    @Test
    void anEmptyObjectAndTrailingWhitespaceAreStillAnObject() {
        assertThat(reply("{}").isJsonObject()).isTrue();
        assertThat(reply(" \n{\"errcode\":0}\r\n\t ").errcode()).isZero();
    }

    @Test
    void invalidUtf8InASkippedValueMeansNoJsonObject() {
        byte[] body = "{\"errcode\":0,\"result\":{\"name\":\"??\"}}".getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf("??");
        body[at] = (byte) 0xFF;
        body[at + 1] = (byte) 0xFE;

        assertThat(Reply.of(200, body).isJsonObject()).isFalse();
    }

    @Test
    void nestingBeyondJacksonsLimitMeansNoJsonObject() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

        assertThat(reply(deep).isJsonObject()).isFalse();
    }

    @Test
    void aPunishBodyIsThrottlingWithItsWait() {
        Throwable failure = catchThrowable(() -> DingTalkErrors.successBody(
                reply("{\"status\":1111,\"wait\":\"7\",\"punish\":\"deny\",\"request_id\":\"p\"}"), "list",
                ErrorMapper.NONE));

        assertThat(((AttemptFailed) failure).reported()).isInstanceOfSatisfying(ThrottledException.class, t -> {
            assertThat(t.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(t.requestId()).contains("p");
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"wait\":5.0}", "{\"wait\":-5}", "{\"wait\":true}", "{\"wait\":{\"s\":5}}",
            "{\"punish\":\"deny\"}", "{\"wait\":99999999999}"})
    void aPunishBodyWithoutAUsableWaitIsThrottlingWithoutOne(String body) {
        Throwable failure = catchThrowable(() -> DingTalkErrors.successBody(reply(body), "list", ErrorMapper.NONE));

        assertThat(((AttemptFailed) failure).reported()).isInstanceOfSatisfying(ThrottledException.class,
                t -> assertThat(t.retryAfter()).isEmpty());
    }

    @Test
    void aPunishFieldNextToAnErrcodeIsNoPunishPage() {
        Throwable failure = catchThrowable(() -> DingTalkErrors.successBody(
                reply("{\"errcode\":12345,\"punish\":\"deny\",\"errmsg\":\"odd\"}"), "list", ErrorMapper.NONE));

        assertThat(((AttemptFailed) failure).reported()).isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("odd");
    }

    @Test
    void aSuccessQuotesItsRequestIdMasked() {
        byte[] body = "{\"errcode\":\"0\",\"roleId\":5,\"request_id\":\"req-s3cr3t\"}".getBytes(StandardCharsets.UTF_8);

        SuccessBody ok = DingTalkErrors.successBody(Reply.of(200, body), "add_role", ErrorMapper.NONE, "s3cr3t");

        assertThat(ok.requestId()).isEqualTo("req-****");
    }

    @Test
    void aTruncatedSuccessIsARetryableReplyThatIsNoJsonObject() {
        Throwable failure = catchThrowable(() -> DingTalkErrors.successBody(
                reply("{\"errcode\":0,\"result\":{\"hasMore\":fal"), "list", ErrorMapper.NONE));

        assertThat(((AttemptFailed) failure).reported()).isInstanceOfSatisfying(UnavailableException.class, u -> {
            assertThat(u).hasMessageContaining("not a JSON object");
            assertThat(u.isRetryable()).isTrue();
        });
    }

    private static Reply reply(String body) {
        return Reply.of(200, body.getBytes(StandardCharsets.UTF_8));
    }
}
