package io.github.dingtalkroles.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.RoleGroup;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 201, Integer.MAX_VALUE})
    void rejectsSizesOutsideOneTo200(int size) {
        assertThatThrownBy(() -> new PageRequest(0, size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page size must be between 1 and 200 (got " + size + ")");
    }

    @Test
    void rejectsANegativeOffset() {
        assertThatThrownBy(() -> new PageRequest(-1, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset must be 0 or more");
    }

    @Test
    void acceptsTheBoundsAndDefaultsToDingTalksSize() {
        assertThat(new PageRequest(0, 1).size()).isEqualTo(1);
        assertThat(new PageRequest(5, 200).size()).isEqualTo(200);
        assertThat(PageRequest.first()).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.first(50).next().next()).isEqualTo(new PageRequest(100, 50));
    }

    @Test
    void aPageCannotHoldMoreThanItsSize() {
        RoleGroup g = ListBackedDirectory.group(1);
        assertThatThrownBy(() -> new RoleGroupPage(new PageRequest(0, 1), Collections.nCopies(2, g), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
