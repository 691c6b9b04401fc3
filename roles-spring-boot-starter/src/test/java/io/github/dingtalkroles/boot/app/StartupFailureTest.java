package io.github.dingtalkroles.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What an operator sees when the application starts with incomplete credentials. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {
    private static final String SECRET = "never-printed-5e0b";

    @Test
    void aMissingKeyIsNamedInBootsReportAndTheSecretIsNeverPrinted(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RolesTestApplication.class)
                .properties("dingtalk.roles.app-secret=" + SECRET, "spring.main.banner-mode=off")
                .run());

        assertThat(output).contains("APPLICATION FAILED TO START",
                "The DingTalk role directory could not be configured: dingtalk.roles.app-key:",
                "Set or correct dingtalk.roles.app-key");
        assertThat(output.toString()).doesNotContain(SECRET);
    }
}
