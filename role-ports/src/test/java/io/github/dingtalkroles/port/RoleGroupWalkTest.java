package io.github.dingtalkroles.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.RoleGroup;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleGroupWalkTest {

    private static List<Long> ids(List<RoleGroup> groups) {
        return groups.stream().map(g -> g.id().value()).collect(Collectors.toList());
    }

    @ParameterizedTest
    @CsvSource({"0,200", "1,200", "199,200", "200,200", "201,200", "1000,200", "7,2", "10,3", "2,2"})
    void seesEveryGroupExactlyOnceInOrder(int count, int pageSize) {
        ListBackedDirectory directory = ListBackedDirectory.withGroups(count);

        List<RoleGroup> walked = RoleGroupWalk.over(directory).pageSize(pageSize).stream().toList();

        assertThat(ids(walked)).containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
    }

    @Test
    void theDefaultWalkOfTheDirectoryUsesFullPages() {
        ListBackedDirectory directory = ListBackedDirectory.withGroups(450);

        assertThat(directory.allRoleGroups().count()).isEqualTo(450);
        assertThat(directory.requests).extracting(PageRequest::size).containsOnly(200);
        assertThat(directory.requests).extracting(PageRequest::offset).containsExactly(0, 199, 398);
    }

    @Test
    void fetchesPagesOnlyAsTheStreamIsConsumed() {
        ListBackedDirectory directory = ListBackedDirectory.withGroups(1000);

        Iterator<RoleGroup> it = directory.allRoleGroups().iterator();
        assertThat(directory.requests).isEmpty();
        it.next();
        assertThat(directory.requests).hasSize(1);
        assertThat(directory.allRoleGroups().limit(250).count()).isEqualTo(250);
    }

    @Test
    void reportsEachPageToTheListener() {
        ListBackedDirectory directory = ListBackedDirectory.withGroups(5);
        List<Integer> sizes = new ArrayList<>();

        RoleGroupWalk.over(directory).pageSize(2).onPage(p -> sizes.add(p.groups().size())).stream().count();

        assertThat(sizes).containsExactly(2, 2, 2, 2);
    }

    @Test
    void failsWhenAGroupIsInsertedBeforeItsPosition() {
        ListBackedDirectory directory = ListBackedDirectory.withGroups(10);
        directory.afterEachPage = d -> {
            if (d.requests.size() == 1) {
                d.groups.add(0, ListBackedDirectory.group(99));
            }
        };

        assertThatThrownBy(() -> RoleGroupWalk.over(directory).pageSize(4).stream().toList())
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConflictException.Reason.LISTING_CHANGED);
                    assertThat(e.isRetryable()).isTrue();
                })
                .hasMessageContaining("walk again");
    }

    @Test
    void failsWhenAGroupIsRemovedBeforeItsPosition() {
        ListBackedDirectory directory = ListBackedDirectory.withGroups(10);
        directory.afterEachPage = d -> {
            if (d.requests.size() == 2) {
                d.groups.remove(0);
            }
        };

        assertThatThrownBy(() -> RoleGroupWalk.over(directory).pageSize(4).stream().toList())
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.LISTING_CHANGED));
    }

    @Test
    void failsWhenTheTailIsCutAwayUnderIt() {
        ListBackedDirectory directory = ListBackedDirectory.withGroups(10);
        directory.afterEachPage = d -> {
            if (d.requests.size() == 1) {
                d.groups.subList(2, d.groups.size()).clear();
            }
        };

        assertThatThrownBy(() -> RoleGroupWalk.over(directory).pageSize(4).stream().toList())
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void toleratesGroupsAddedAtTheEnd() {
        ListBackedDirectory directory = ListBackedDirectory.withGroups(6);
        directory.afterEachPage = d -> {
            if (d.requests.size() == 1) {
                d.groups.add(ListBackedDirectory.group(7));
            }
        };

        assertThat(ids(RoleGroupWalk.over(directory).pageSize(4).stream().toList()))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void failsRatherThanLoopingWhenAPageClaimsMoreButBringsNothingNew() {
        RoleDirectory stuck = new ListBackedDirectory() {
            @Override
            public RoleGroupPage listRoleGroups(PageRequest page) {
                return new RoleGroupPage(page, List.of(ListBackedDirectory.group(1)), true);
            }
        };

        assertThatThrownBy(() -> stuck.allRoleGroups().toList())
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("reported more groups but brought none");
    }

    @Test
    void refusesPageSizesThatCannotMakeProgress() {
        ListBackedDirectory directory = ListBackedDirectory.withGroups(3);
        assertThatThrownBy(() -> RoleGroupWalk.over(directory).pageSize(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 2 and 200");
        assertThatThrownBy(() -> RoleGroupWalk.over(directory).pageSize(201))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamsOnceAndIsConfiguredBeforeThat() {
        RoleGroupWalk walk = RoleGroupWalk.over(ListBackedDirectory.withGroups(3));
        walk.stream();

        assertThatThrownBy(walk::stream).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
        assertThatThrownBy(() -> walk.pageSize(10)).isInstanceOf(IllegalStateException.class);
    }
}
