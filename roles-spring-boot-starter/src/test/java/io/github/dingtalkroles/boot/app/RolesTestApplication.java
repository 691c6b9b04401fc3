package io.github.dingtalkroles.boot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A platform's application, as small as it gets: its own service plus the starter. */
@SpringBootApplication
public class RolesTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(RolesTestApplication.class, args);
    }
}
