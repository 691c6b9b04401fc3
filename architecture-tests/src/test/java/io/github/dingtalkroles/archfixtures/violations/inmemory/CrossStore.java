package io.github.dingtalkroles.archfixtures.violations.inmemory;

import com.sun.net.httpserver.HttpServer;
import io.github.dingtalkroles.archfixtures.violations.dingtalk.GuicyClient;

/** Breaks three rules: depends on another adapter, prints, and uses the HTTP server. */
public class CrossStore {
    GuicyClient client;
    HttpServer server;

    void report() {
        System.out.println("stored");
    }
}
