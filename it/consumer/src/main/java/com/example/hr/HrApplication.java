package com.example.hr;

import io.github.dingtalkroles.port.RoleDirectory;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

@SpringBootApplication
public class HrApplication {

    public static void main(String[] args) {
        SpringApplication.run(HrApplication.class, args);
    }

    /** The platform's own code, which knows only the port. */
    @Service
    public static class RoleReport {
        private final RoleDirectory roles;

        public RoleReport(RoleDirectory roles) {
            this.roles = roles;
        }

        public List<String> groupNames() {
            return roles.allRoleGroups().map(group -> group.name().value()).toList();
        }
    }
}
